import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.js';

const { app, as } = await createTestApp();

describe('HTTP conventions', () => {
  it('GET /api/health answers without sign-in', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers 401 problem+json for an API call without sign-in', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/clients' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'auth.unauthenticated', title: 'Sign-in required' });
  });

  it('answers 400 invalid_json for a malformed body', async () => {
    const sales = await as('sales@demo.kilowatt');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/clients',
      headers: { cookie: sales.cookie, 'x-requested-with': 'kilowatt', 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_json', errors: [{ path: 'body', code: 'invalid_json' }] });
  });

  it('answers 413 for a body over the limit', async () => {
    const sales = await as('sales@demo.kilowatt');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/clients',
      headers: { cookie: sales.cookie, 'x-requested-with': 'kilowatt', 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
  });

  it('answers 404 problem+json for an unknown API route and for a malformed id', async () => {
    const sales = await as('sales@demo.kilowatt');
    expect((await sales.get('/api/v1/nothing-here')).status).toBe(404);
    const bad = await sales.get('/api/v1/clients/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'id' });
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/clients', '/api/v1/clients/{id}', '/api/v1/clients/{id}/contacts', '/api/v1/auth/login', '/api/v1/search', '/api/v1/roles/{key}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const createBody = doc.paths['/api/v1/clients'].post.requestBody.content['application/json'].schema;
    expect(createBody.required).toEqual(expect.arrayContaining(['kind', 'name', 'country']));
    expect(createBody.additionalProperties).toBe(false);
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
