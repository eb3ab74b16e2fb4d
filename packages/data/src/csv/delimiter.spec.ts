import { describe, expect, it } from 'vitest';
import { detectDelimiter, fieldCounts } from './delimiter.js';

describe('detectDelimiter', () => {
  it.each([
    [',', 'id,name,city\nfuen,"Ayuntamiento de Fuenlabrada; Madrid",Fuenlabrada\n'],
    [';', 'id;name;latitude\nfuen;Ayuntamiento de Fuenlabrada, Madrid;40,28\ncife;CIFE;40,29\n'],
    ['\t', 'id\tname\tcity\nfuen\tAyuntamiento, Fuenlabrada; Madrid\tFuenlabrada\n'],
    ['|', 'id|name|city\nfuen|Ayuntamiento de Fuenlabrada, Madrid|Fuenlabrada\n'],
  ])('finds %j when the values contain the other candidates', (delimiter, text) => {
    expect(detectDelimiter(text)).toEqual({ ok: true, delimiter });
  });

  it('ignores delimiters inside quoted values, line breaks included', () => {
    const text = 'id;name;city\nfuen;"Ayuntamiento;\nde Fuenlabrada, ""ES""";Fuenlabrada\n';
    expect(detectDelimiter(text)).toEqual({ ok: true, delimiter: ';' });
  });

  it('prefers the candidate that gives the header field count on most records', () => {
    // Every row has a decimal comma, but only `;` matches the header on every record.
    const text = 'id;name,short;lat\na;A,a;40,1\nb;B,b;40,2\nc;C;40,3\n';
    expect(detectDelimiter(text)).toEqual({ ok: true, delimiter: ';' });
  });

  it('follows an Excel sep= first line', () => {
    expect(detectDelimiter('sep=;\r\nid;name,short\r\na;b,c\r\n')).toEqual({ ok: true, delimiter: ';' });
    expect(detectDelimiter('SEP=|\nid,name\n')).toEqual({ ok: true, delimiter: '|' });
    expect(detectDelimiter('sep=;\nid,name\n', { delimiter: ',' })).toEqual({ ok: true, delimiter: ',' });
  });

  it('reads a header-only file', () => {
    expect(detectDelimiter('id;name;city\r\n')).toEqual({ ok: true, delimiter: ';' });
  });

  it('fails rather than guess when no candidate splits the header', () => {
    expect(detectDelimiter('name\nAyuntamiento de Fuenlabrada\nCIFE\n')).toEqual({
      ok: false,
      issue: {
        code: 'undetectable-delimiter',
        message: 'undetectable-delimiter.none',
        row: null,
        line: null,
        column: null,
        value: null,
      },
    });
  });

  it('fails rather than guess when two candidates fit equally well', () => {
    expect(detectDelimiter('a,b;c,d\n1,2;3,4\n5,6;7,8\n')).toEqual({
      ok: false,
      issue: {
        code: 'undetectable-delimiter',
        message: 'undetectable-delimiter.tie',
        row: null,
        line: null,
        column: null,
        value: null,
        params: { first: 'comma', second: 'semicolon' },
      },
    });
  });

  it('takes the delimiter the caller gives, by character or by name', () => {
    const text = 'a,b;c\n1,2;3\n';
    expect(detectDelimiter(text, { delimiter: ';' })).toEqual({ ok: true, delimiter: ';' });
    expect(detectDelimiter(text, { delimiter: 'tab' })).toEqual({ ok: true, delimiter: '\t' });
    expect(detectDelimiter(text, { delimiter: 'Semicolon' })).toEqual({ ok: true, delimiter: ';' });
    expect(detectDelimiter(text, { delimiter: '\\t' })).toEqual({ ok: true, delimiter: '\t' });
  });

  it('refuses a delimiter that cannot separate columns', () => {
    expect(detectDelimiter('a,b\n', { delimiter: '"' })).toMatchObject({
      ok: false,
      issue: { code: 'undetectable-delimiter', message: 'undetectable-delimiter.invalid', value: '"' },
    });
    expect(detectDelimiter('a,b\n', { delimiter: ';;' })).toMatchObject({ ok: false });
  });
});

describe('fieldCounts', () => {
  it('counts fields per record, skipping blank lines and honouring quotes', () => {
    expect(fieldCounts('a,b,c\r\n\r\n1,"2,\r\n2",3\n  \n4,5\n', ',')).toEqual([3, 3, 2]);
  });

  it('treats a quote inside an unquoted value as text', () => {
    expect(fieldCounts('a,b\n5" screen,x\n', ',')).toEqual([2, 2]);
  });
});
