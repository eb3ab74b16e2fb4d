import { describe, expect, it } from 'vitest';
import { boundaryOf, MalformedMultipart, MAX_PARTS, parseMultipart } from './multipart';

/** The bytes and boundary a real encoder (undici's, as in browsers and `fetch`) makes of a form. */
async function encode(form: FormData) {
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const boundary = boundaryOf(request.headers.get('content-type')!)!;
  return { body: new Uint8Array(await request.arrayBuffer()), boundary };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('parseMultipart', () => {
  it('reads what a browser sends: fields, files, names in any script, bytes untouched', async () => {
    const form = new FormData();
    form.set('mode', 'upsert');
    const cp1252 = new Uint8Array([0x4f, 0x72, 0x64, 0xf3, 0xf1, 0x65, 0x7a, 0x0d, 0x0a]); // "Ordóñez\r\n" in cp1252
    form.append('institutions', new Blob([cp1252], { type: 'text/csv' }), 'instituciones año.csv');
    form.append('file', new Blob(['id,name\r\n--not-a-boundary\r\n']), '培训 "v2".csv');
    form.append('empty', new Blob([]), 'empty.csv');
    const { body, boundary } = await encode(form);
    const parts = parseMultipart(body, boundary);
    expect(parts.map((p) => [p.name, p.filename, p.type])).toEqual([
      ['mode', undefined, ''],
      ['institutions', 'instituciones año.csv', 'text/csv'],
      // undici, like browsers, writes a quote in a file name as %22.
      ['file', '培训 %22v2%22.csv', 'application/octet-stream'],
      ['empty', 'empty.csv', 'application/octet-stream'],
    ]);
    expect(text(parts[0]!.body)).toBe('upsert');
    expect([...parts[1]!.body]).toEqual([...cp1252]);
    expect(text(parts[2]!.body)).toBe('id,name\r\n--not-a-boundary\r\n');
    expect(parts[3]!.body.length).toBe(0);
  });

  it('views the body rather than copying it', async () => {
    const form = new FormData();
    form.append('training', new Blob(['a'.repeat(100_000)]), 'training.csv');
    const { body, boundary } = await encode(form);
    const [part] = parseMultipart(body, boundary);
    expect(part!.body.buffer).toBe(body.buffer);
    expect(part!.body.length).toBe(100_000);
  });

  it('skips a preamble and reads quoted parameters with escapes', () => {
    const raw =
      'ignored preamble\r\n--XyZ\r\n' +
      'Content-Disposition: form-data; name="a\\"b"; filename="x.csv"\r\nContent-Type: Text/CSV; charset=utf-8\r\n\r\n' +
      'id\r\n1\r\n--XyZ--\r\n';
    const [part] = parseMultipart(new TextEncoder().encode(raw), 'XyZ');
    expect(part).toMatchObject({ name: 'a"b', filename: 'x.csv', type: 'text/csv' });
    expect(text(part!.body)).toBe('id\r\n1');
  });

  const malformed: [string, string][] = [
    ['no boundary at all', 'just some text'],
    ['a body cut inside a part', '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nhalf a fi'],
    ['headers that never end', '--B\r\nContent-Disposition: form-data; name="a"\r\n'],
    ['a part without a name', '--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--'],
    ['a part that is not form-data', '--B\r\nContent-Disposition: attachment; name="a"\r\n\r\nx\r\n--B--'],
    ['a header line without a colon', '--B\r\nContent-Disposition form-data\r\n\r\nx\r\n--B--'],
    [
      'a boundary followed by garbage',
      '--Bjunk\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--B--',
    ],
  ];
  for (const [what, raw] of malformed) {
    it(`refuses ${what}`, () => {
      expect(() => parseMultipart(new TextEncoder().encode(raw), 'B')).toThrow(MalformedMultipart);
    });
  }

  it(`refuses more than ${MAX_PARTS} parts`, () => {
    const part = '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n';
    const ok = new TextEncoder().encode(part.repeat(MAX_PARTS) + '--B--');
    expect(parseMultipart(ok, 'B')).toHaveLength(MAX_PARTS);
    const tooMany = new TextEncoder().encode(part.repeat(MAX_PARTS + 1) + '--B--');
    expect(() => parseMultipart(tooMany, 'B')).toThrow(/more than 64 parts/);
  });
});

describe('boundaryOf', () => {
  it('keeps the boundary as sent, quoted or not, and refuses a missing or overlong one', () => {
    expect(boundaryOf('multipart/form-data; boundary=AbC123')).toBe('AbC123');
    expect(boundaryOf('multipart/form-data; charset=utf-8; BOUNDARY="a b:c"')).toBe('a b:c');
    expect(boundaryOf('multipart/form-data')).toBeNull();
    expect(boundaryOf(`multipart/form-data; boundary=${'x'.repeat(71)}`)).toBeNull();
  });
});
