import type { Problem } from '@puente/data';
import { describe, expect, it } from 'vitest';
import { reportCsv } from './report-csv';

const problem = (over: Partial<Problem>): Problem => ({
  file: 'instituciones.csv',
  table: 'institutions',
  row: 3,
  line: 4,
  column: 'country',
  code: 'invalid-type',
  severity: 'error',
  message: 'Not a country code',
  value: 'España',
  ...over,
});

describe('reportCsv', () => {
  it('writes one line per problem, quoting what needs it', () => {
    const csv = reportCsv([problem({}), problem({ value: 'a "b", c', row: null, line: null })]);
    expect(csv.startsWith('\uFEFFfile,table,row,line,column,code,severity,message,value\r\n')).toBe(true);
    expect(csv).toContain(
      'instituciones.csv,institutions,3,4,country,invalid-type,error,Not a country code,España',
    );
    expect(csv).toContain(',,,country,invalid-type,error,Not a country code,"a ""b"", c"\r\n');
  });

  it('never lets a spreadsheet run a value as a formula', () => {
    expect(reportCsv([problem({ value: '=HYPERLINK("x")' })])).toContain(`"'=HYPERLINK(""x"")"`);
    expect(reportCsv([problem({ value: '+1' })])).toContain(",'+1");
  });
});
