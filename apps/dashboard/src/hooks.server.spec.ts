import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from './hooks.server';

const event = (path: string) =>
  ({
    request: new Request(`http://localhost${path}`),
    url: new URL(`http://localhost${path}`),
  }) as RequestEvent;

describe('handleError', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('logs an unexpected error under a fresh id and gives the page that id, not the error', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failure = new Error('connection lost: /var/lib/puente.duckdb');
    const shown = await handleError({
      error: failure,
      event: event('/progress?status=active'),
      status: 500,
      message: 'Internal Error',
    });
    expect(shown).toEqual({ message: 'Internal Error', id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(log).toHaveBeenCalledOnce();
    const [line, logged] = log.mock.calls[0]!;
    expect(line).toBe(`[${shown!.id}] 500 GET /progress`);
    expect(logged).toBe(failure);
  });

  it('gives each error its own id', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const input = { error: new Error('x'), event: event('/'), status: 500, message: 'Internal Error' };
    const [a, b] = [await handleError(input), await handleError(input)];
    expect(a!.id).not.toBe(b!.id);
  });

  it('neither logs nor numbers a page that does not exist', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const shown = await handleError({
      error: new Error('Not found: /no/such/page'),
      event: event('/no/such/page'),
      status: 404,
      message: 'Not Found',
    });
    expect(shown).toEqual({ message: 'Not Found' });
    expect(log).not.toHaveBeenCalled();
  });
});
