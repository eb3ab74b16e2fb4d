import { describe, expect, it } from 'vitest';
import { LOCALES, PROBLEM_CODES } from '../schema/problems.js';
import { formatBytes, formatMessage, MESSAGE_IDS, MESSAGES, messageCode } from './problems.js';

// Every parameter any message uses, so each message can be formatted in full.
const PARAMS = {
  row: 12,
  line: 14,
  column: 'country',
  value: 'Spain',
  table: 'institutions',
  refTable: 'institutions',
  referenced: 'institutions',
  from: 'training',
  other: 'instituciones.csv',
  values: ['government', 'agency'],
  columns: ['id', 'name'],
  min: 0,
  max: 90,
  suggestion: 'ES',
  firstRow: 3,
  found: 4,
  expected: 5,
  delimiter: 'semicolon',
  first: 'comma',
  second: 'semicolon',
  encoding: 'GBK',
  size: '60 MB',
  limit: '50 MB',
  position: 4,
  canonical: 'name',
  trainees: 120,
  count: 2,
  kind: 'nul',
  alternative: 'Ord篑ez',
  otherEncoding: 'GBK',
  maxColumns: 1000,
  length: 10_485_760,
  maxLength: 10_000,
  source: 'fuenlabrada-city-council',
  target: 'hangzhou-commerce-bureau',
  area: 'exchange',
  kept: 'p-exchange',
};

describe('problem messages', () => {
  it('exist for every problem code, in every locale', () => {
    const codes = new Set(MESSAGE_IDS.map(messageCode));
    expect([...codes].sort()).toEqual([...PROBLEM_CODES].sort());
    for (const locale of LOCALES)
      expect(Object.keys(MESSAGES[locale]).sort()).toEqual([...MESSAGE_IDS].sort());
  });

  it.each(LOCALES.flatMap((locale) => MESSAGE_IDS.map((id) => [locale, id] as const)))(
    '%s %s formats with its parameters',
    (locale, id) => {
      const text = formatMessage(locale, id, PARAMS);
      expect(text).not.toMatch(/[{}]/);
      expect(text.length).toBeGreaterThan(20);
    },
  );

  it('are really translated: Spanish and Chinese differ from English and are written in their script', () => {
    for (const id of MESSAGE_IDS) {
      const en = formatMessage('en', id, PARAMS);
      const es = formatMessage('es', id, PARAMS);
      const zh = formatMessage('zh', id, PARAMS);
      expect(es).not.toBe(en);
      expect(zh).not.toBe(en);
      expect(es, id).toMatch(/\b(el|la|los|las|de|que|o|y|un|una|por|en)\b/);
      expect(zh, id).toMatch(/[\u4e00-\u9fff]{2}.*[\u4e00-\u9fff]{2}/);
    }
  });

  it('fill in parameters, lists and delimiter names per locale', () => {
    expect(
      formatMessage('en', 'invalid-enum', { row: 2, value: 'city hall', column: 'type', values: ['a', 'b'] }),
    ).toBe('Row 2: “city hall” is not an allowed value for “type”. Use one of: a, b.');
    expect(
      formatMessage('zh', 'invalid-enum', { row: 2, value: '政府', column: 'type', values: ['a', 'b'] }),
    ).toBe('第 2 条数据：“政府”不是“type”的允许值。请使用以下之一：a、b。');
    expect(formatMessage('es', 'undetectable-delimiter.tie', { first: 'comma', second: 'tab' })).toContain(
      'por comas (,) o por tabuladores',
    );
    expect(formatMessage('en', 'unknown-reference.orphan', { ...PARAMS, count: 1 })).toMatch(
      /^1 row of training/,
    );
    expect(formatMessage('es', 'unknown-reference.orphan', { ...PARAMS, count: 2 })).toMatch(
      /^2 filas de training siguen usando/,
    );
  });

  it('size files in bytes, KB or MB', () => {
    expect(formatBytes('en', 10)).toBe('10 bytes');
    expect(formatBytes('zh', 10)).toBe('10 字节');
    expect(formatBytes('en', 1536)).toBe('1.5 KB');
    expect(formatBytes('es', 52_428_800 + 104_858)).toBe('50,1 MB');
  });
});
