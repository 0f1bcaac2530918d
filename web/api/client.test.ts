import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setUnauthorizedHandler, toQueryString } from './client.js';

type Call = { url: string; init: RequestInit };

const respond = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
  });
  return calls;
};

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(null);
});

describe('api client', () => {
  it('sends the CSRF header on state changes only, with the session cookie', async () => {
    const calls = respond(200, { ok: true }, { 'content-type': 'application/json' });
    await api.get('/clients', { q: 'nitra', status: '', cursor: undefined });
    await api.post('/clients', { name: 'A' });
    await api.patch('/clients/1', { version: 1 });
    const [get, post, patch] = calls.map((c) => ({
      url: c.url,
      headers: c.init.headers as Record<string, string>,
      credentials: c.init.credentials,
    }));
    expect(get?.url).toBe('/api/v1/clients?q=nitra');
    expect(get?.headers['X-Requested-With']).toBeUndefined();
    expect(post?.headers['X-Requested-With']).toBe('kilowatt');
    expect(patch?.headers['X-Requested-With']).toBe('kilowatt');
    expect(post?.credentials).toBe('same-origin');
  });

  it('turns problem+json into a typed ApiError', async () => {
    respond(
      400,
      {
        type: 'x',
        title: 'Invalid input',
        status: 400,
        code: 'validation',
        detail: '1 field',
        errors: [{ path: 'address.city', code: 'too_big', message: 'm' }],
      },
      { 'content-type': 'application/problem+json' },
    );
    const error = await api.post('/clients', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation',
      detail: '1 field',
      errors: [{ path: 'address.city', code: 'too_big' }],
    });
  });

  it('reads Retry-After of a 429', async () => {
    respond(
      429,
      { code: 'auth.too_many_attempts', detail: 'wait' },
      { 'content-type': 'application/problem+json', 'retry-after': '900' },
    );
    const error = await api.post('/auth/login', {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: 'auth.too_many_attempts', retryAfterSeconds: 900 });
  });

  it('sends the user to sign in on 401, but not for a wrong password', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    respond(401, { code: 'auth.invalid_credentials' }, { 'content-type': 'application/problem+json' });
    await api.post('/auth/login', {}).catch(() => undefined);
    expect(onUnauthorized).not.toHaveBeenCalled();
    respond(401, { code: 'auth.unauthenticated' }, { 'content-type': 'application/problem+json' });
    await api.get('/auth/me').catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('answers 204 with nothing and reports an unreachable server as code network', async () => {
    respond(204);
    await expect(api.delete('/auth/tokens/1')).resolves.toBeUndefined();
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/clients')).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('leaves empty parameters out of the query string', () => {
    expect(toQueryString({ a: 'x y', b: '', c: null, d: undefined, e: 0, f: false })).toBe(
      '?a=x+y&e=0&f=false',
    );
    expect(toQueryString({})).toBe('');
  });
});
