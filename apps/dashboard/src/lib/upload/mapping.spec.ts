import { describe, expect, it } from 'vitest';
import { automaticMapping, rememberedMapping, rememberMapping, withMappedHeader } from './mapping';

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('column mapping', () => {
  it('maps Spanish and Chinese headers automatically, unknown ones to nothing', () => {
    expect(automaticMapping('institutions', ['id', 'Nombre', 'Ciudad', 'País', 'tipo', 'notas'])).toEqual([
      'id',
      'name',
      'city',
      'country',
      'type',
      null,
    ]);
    expect(automaticMapping('training', ['机构', '项目', '年份', '培训人数'])).toContain('institution');
  });

  it('rewrites only the header line of a Windows-1252 file, keeping BOM-less bytes and CRLF', () => {
    const file = latin1('Código;Nombre;Población\r\nfuen;Ayuntamiento de Fuenlabrada;Móstoles\r\n');
    const out = withMappedHeader(file, 'windows-1252', ';', ['id', 'name', null])!;
    expect(String.fromCharCode(...out)).toBe(
      'id;name;ignored-3\r\nfuen;Ayuntamiento de Fuenlabrada;Móstoles\r\n',
    );
  });

  it('keeps a UTF-8 BOM and refuses UTF-16 or a header with a quoted line break', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b\n1,2\n')]);
    const out = withMappedHeader(bom, 'utf-8', ',', ['id', 'name'])!;
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(out.subarray(3))).toBe('id,name\n1,2\n');
    expect(withMappedHeader(bom, 'utf-16le', ',', ['id', 'name'])).toBeNull();
    expect(withMappedHeader(latin1('"a\n b",c\n1,2\n'), 'utf-8', ',', ['id', 'name'])).toBeNull();
  });

  it('remembers a mapping for the same header only', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    } as Storage;
    rememberMapping(storage, 'institutions', ['a', 'b'], ['id', 'name']);
    expect(rememberedMapping(storage, 'institutions', ['a', 'b'])).toEqual(['id', 'name']);
    expect(rememberedMapping(storage, 'institutions', ['a', 'c'])).toBeNull();
    expect(rememberedMapping(storage, 'training', ['a', 'b'])).toBeNull();
    expect(rememberedMapping(null, 'training', ['a', 'b'])).toBeNull();
  });
});
