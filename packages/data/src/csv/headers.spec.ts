import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLES } from '../schema/tables.js';
import {
  canonicalColumn,
  foldName,
  mapColumns,
  tableFromFileName,
  tableFromHeader,
  tableNamed,
} from './headers.js';

describe('foldName', () => {
  it('ignores case, accents, full-width forms, spaces, underscores and hyphens', () => {
    expect(foldName('Año')).toBe('ano');
    expect(foldName(' Started-On ')).toBe('startedon');
    expect(foldName('NOMBRE_ESPAÑOL')).toBe('nombreespanol');
    expect(foldName('ｉｄ')).toBe('id');
    expect(foldName('名称')).toBe('名称');
  });
});

describe('the synonyms in tables.ts', () => {
  it('never name two columns of one table, nor two tables', () => {
    for (const table of TABLE_NAMES) {
      const seen = new Map<string, string>();
      for (const column of TABLES[table].columns) {
        for (const name of [column.name, ...column.synonyms]) {
          expect(seen.get(foldName(name)) ?? column.name, `${table}: ${name}`).toBe(column.name);
          seen.set(foldName(name), column.name);
        }
      }
    }
    const tables = new Map<string, string>();
    for (const table of TABLE_NAMES) {
      for (const name of [table, ...TABLES[table].synonyms]) {
        expect(tables.get(foldName(name)) ?? table, name).toBe(table);
        tables.set(foldName(name), table);
      }
    }
  });
});

describe('canonicalColumn', () => {
  it.each([
    ['institutions', 'Nombre', 'name'],
    ['institutions', '名称', 'name'],
    ['institutions', 'CIUDAD', 'city'],
    ['institutions', '城市', 'city'],
    ['institutions', 'País', 'country'],
    ['institutions', 'Sitio web', 'website'],
    ['institutions', 'Name EN', 'name_en'],
    ['institutions', 'name-zh', 'name_zh'],
    ['training', 'Año', 'year'],
    ['training', '年份', 'year'],
    ['training', 'Institución', 'institution'],
    ['partnerships', 'Fecha de inicio', 'started_on'],
    ['partnerships', 'started on', 'started_on'],
    ['milestones', '日期', 'date'],
    ['institutions', 'notas', null],
  ] as const)('%s: %s → %s', (table, header, column) => {
    expect(canonicalColumn(table, header)).toBe(column);
  });
});

describe('tableFromFileName', () => {
  it.each([
    ['institutions.csv', 'institutions'],
    ['Instituciones.CSV', 'institutions'],
    ['C:\\Users\\ana\\Descargas\\Formación.csv', 'training'],
    ['exports/培训.csv', 'training'],
    ['hitos', 'milestones'],
    ['partnerships (2).csv', 'partnerships'],
    ['training_2024.csv', 'training'],
    ['Colaboración.txt', 'partnerships'],
    ['datos.csv', null],
    ['.csv', null],
  ] as const)('%s → %s', (name, table) => {
    expect(tableFromFileName(name)).toBe(table);
  });

  it('tableNamed compares like headers', () => {
    expect(tableNamed('Milestone')).toBe('milestones');
    expect(tableNamed('机构')).toBe('institutions');
    expect(tableNamed('people')).toBe(null);
  });
});

describe('tableFromHeader', () => {
  it.each([
    [['id', 'name', 'city', 'country', 'type'], 'institutions'],
    [['identificador', 'nombre', 'ciudad', 'país', 'tipo', 'latitud'], 'institutions'],
    [['编号', '名称', '城市', '国家', '类型'], 'institutions'],
    [['id', 'source', 'target', 'area', 'status', 'started_on', 'title'], 'partnerships'],
    [['机构', '项目', '年份', '学员人数', '结业人数'], 'training'],
    [['id', 'partnership', 'date', 'title', 'kind', 'status'], 'milestones'],
    // Half the required columns of institutions is still a clear best; the file then reports what is missing.
    [['id', 'name', 'city'], 'institutions'],
    [['foo', 'bar'], null],
    [['id', 'title'], null],
  ] as const)('%j → %s', (header, table) => {
    expect(tableFromHeader(header)).toBe(table);
  });
});

describe('mapColumns', () => {
  it('maps Spanish headers and lists the columns present in declaration order', () => {
    const map = mapColumns('institutions', ['Tipo', 'Identificador', 'Nombre', 'Ciudad', 'País'], 1);
    expect(map.present).toEqual(['id', 'name', 'city', 'country', 'type']);
    expect(map.fieldIndex).toEqual([1, 2, -1, -1, -1, 3, 4, 0, -1, -1, -1, -1, -1, -1]);
    expect(map.issues).toEqual([]);
  });

  it('reports required columns that are missing, and ignores unknown, empty and repeated headers', () => {
    const map = mapColumns('institutions', ['id', 'nombre', 'notas', '', 'name', 'city'], 2);
    expect(map.fieldColumn).toEqual(['id', 'name', null, null, null, 'city']);
    expect(map.issues).toEqual([
      {
        code: 'unknown-column',
        message: 'unknown-column.unknown',
        row: null,
        line: 2,
        column: 'notas',
        value: null,
        params: { table: 'institutions', columns: TABLES.institutions.columns.map((c) => c.name) },
      },
      {
        code: 'unknown-column',
        message: 'unknown-column.empty',
        row: null,
        line: 2,
        column: '',
        value: null,
        params: { position: 4 },
      },
      {
        code: 'unknown-column',
        message: 'unknown-column.duplicate',
        row: null,
        line: 2,
        column: 'name',
        value: null,
        params: { canonical: 'name' },
      },
      ...['country', 'type'].map((column) => ({
        code: 'missing-column',
        message: 'missing-column',
        row: null,
        line: 2,
        column,
        value: null,
        params: { table: 'institutions' },
      })),
    ]);
  });
});
