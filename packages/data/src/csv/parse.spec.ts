import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse.js';

describe('parseCsv', () => {
  it('numbers data records (row) and physical lines (line), which differ after quoted line breaks', () => {
    const text =
      'id,name,city\nfuen,"Ayuntamiento\nde Fuenlabrada",Fuenlabrada\ncife,"CIFE\r\n(centro)\n",Fuenlabrada\nhz,Hangzhou,杭州\n';
    expect(parseCsv(text, ',')).toEqual({
      header: { fields: ['id', 'name', 'city'], line: 1 },
      records: [
        { row: 1, line: 2, fields: ['fuen', 'Ayuntamiento\nde Fuenlabrada', 'Fuenlabrada'] },
        { row: 2, line: 4, fields: ['cife', 'CIFE\r\n(centro)', 'Fuenlabrada'] },
        { row: 3, line: 7, fields: ['hz', 'Hangzhou', '杭州'] },
      ],
      issues: [],
      rows: 3,
    });
  });

  it('skips blank lines and rows of bare separators without giving them a row number', () => {
    const text = '\n\nid;name\r\n\r\n;\r\na;A\r\n   \r\n;;\r\nb;B';
    const parsed = parseCsv(text, ';');
    expect(parsed.header).toEqual({ fields: ['id', 'name'], line: 3 });
    expect(parsed.records).toEqual([
      { row: 1, line: 6, fields: ['a', 'A'] },
      { row: 2, line: 9, fields: ['b', 'B'] },
    ]);
  });

  it('skips an Excel sep= first line', () => {
    const parsed = parseCsv('sep=;\r\nid;name\r\na;A\r\n', ';');
    expect(parsed.header).toEqual({ fields: ['id', 'name'], line: 2 });
    expect(parsed.records).toEqual([{ row: 1, line: 3, fields: ['a', 'A'] }]);
  });

  it('trims values and headers', () => {
    const parsed = parseCsv(' id | name \n  a  |" A b "\n', '|');
    expect(parsed.header?.fields).toEqual(['id', 'name']);
    expect(parsed.records[0]?.fields).toEqual(['a', 'A b']);
  });

  it('allows the trailing empty fields Excel adds, in the header and in records', () => {
    const parsed = parseCsv('id;name;;\na;A;;\nb;B\n', ';');
    expect(parsed.header?.fields).toEqual(['id', 'name']);
    expect(parsed.records.map((r) => r.fields)).toEqual([
      ['a', 'A'],
      ['b', 'B'],
    ]);
    expect(parsed.issues).toEqual([]);
  });

  it('reports records with another field count as ragged-row and leaves them out', () => {
    const parsed = parseCsv('id,name,city\na,A\nb,B,x,y\nc,C,z\n', ',');
    expect(parsed.records).toEqual([{ row: 3, line: 4, fields: ['c', 'C', 'z'] }]);
    expect(parsed.issues).toEqual([
      {
        code: 'ragged-row',
        message: 'ragged-row',
        row: 1,
        line: 2,
        column: null,
        value: 'a,A',
        params: { found: 2, expected: 3, delimiter: 'comma' },
      },
      {
        code: 'ragged-row',
        message: 'ragged-row',
        row: 2,
        line: 3,
        column: null,
        value: 'b,B,x,y',
        params: { found: 4, expected: 3, delimiter: 'comma' },
      },
    ]);
  });

  it('stops at a quote that is never closed', () => {
    const parsed = parseCsv('id,name\na,A\nb,"B\nc,C\nd,D\n', ',');
    expect(parsed.records).toEqual([{ row: 1, line: 2, fields: ['a', 'A'] }]);
    expect(parsed.issues).toEqual([
      {
        code: 'unclosed-quote',
        message: 'unclosed-quote.unclosed',
        row: 2,
        line: 3,
        column: null,
        value: '"B',
      },
    ]);
  });

  it('reports a quote misplaced after a quoted value and skips that record', () => {
    const parsed = parseCsv('id,name\na,"A"x"\nb,B\n', ',');
    expect(parsed.issues).toEqual([
      {
        code: 'unclosed-quote',
        message: 'unclosed-quote.misplaced',
        row: 1,
        line: 2,
        column: null,
        value: 'a,"A"x"',
      },
    ]);
    expect(parsed.records).toEqual([{ row: 2, line: 3, fields: ['b', 'B'] }]);
  });

  it('counts lines in files that break lines with a bare CR', () => {
    const parsed = parseCsv('id,name\ra,"A\rA"\rb,B\r', ',');
    expect(parsed.records.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 4],
    ]);
  });

  it('streams to a visitor and can be stopped at the header', () => {
    const seen: unknown[] = [];
    const parsed = parseCsv('id,name\na,A\nb,B\n', ',', {
      header: (h) => void seen.push(h.fields),
      record: (fields, row, line) => void seen.push([fields, row, line]),
    });
    expect(seen).toEqual([
      ['id', 'name'],
      [['a', 'A'], 1, 2],
      [['b', 'B'], 2, 3],
    ]);
    expect(parsed.records).toEqual([]);
    const stopped = parseCsv('id,name\na,A\n', ',', { header: () => false, record: () => seen.push('no') });
    expect(stopped.rows).toBe(0);
  });
});
