import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../http/app.js';
import { companyBody, createTestApp } from '../../test/app.js';
import { loginAttempts, sessions } from './auth.schema.js';

const { app, db, as, send } = await createTestApp();

const login = (email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

describe('sign-in', () => {
  it('sets an httpOnly session cookie stored (hashed) in the database, and /me tells who, roles and owner', async () => {
    const res = await login('SALES@demo.kilowatt ', 'kilowatt-demo');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kw_session')!;
    expect(cookie.httpOnly).toBe(true);
    const stored = await db.select().from(sessions);
    expect(stored.some((s) => s.tokenHash === cookie.value)).toBe(false);
    const me = await send('GET', '/api/v1/auth/me', `kw_session=${cookie.value}`);
    expect(me.body).toMatchObject({
      user: { email: 'sales@demo.kilowatt' },
      roles: [{ key: 'sales', scope: 'team' }],
      owner: { name: 'Kilowatt Energy, s.r.o.' },
      teams: [{ name: 'Predaj Západ' }],
    });
  });

  it('answers 401 for a wrong password and for an unknown user alike', async () => {
    const wrong = await login('sales@demo.kilowatt', 'nope');
    const unknown = await login('nobody@demo.kilowatt', 'nope');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().code).toBe('auth.invalid_credentials');
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('slows repeated failures and then answers 429 with Retry-After, even for the right password', async () => {
    const email = 'finance@demo.kilowatt';
    for (let i = 0; i < 10; i++) expect((await login(email, `guess-${i}`)).statusCode).toBe(401);
    const refused = await login(email, 'kilowatt-demo');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('900');
    const attempts = await db.select().from(loginAttempts).where(eq(loginAttempts.email, email));
    expect(attempts).toHaveLength(10);
  }, 60_000);

  it('logout removes the session so the cookie no longer works', async () => {
    const res = await login('legal@demo.kilowatt', 'kilowatt-demo');
    const cookie = `kw_session=${res.cookies.find((c) => c.name === 'kw_session')!.value}`;
    expect((await send('POST', '/api/v1/auth/logout', cookie)).status).toBe(204);
    expect((await send('GET', '/api/v1/auth/me', cookie)).status).toBe(401);
  });

  it('a session is valid on a second app instance sharing the database', async () => {
    const other = await buildApp({ db, sessionHours: 1, secureCookies: false });
    const sales = await as('sales@demo.kilowatt');
    const me = await other.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: sales.cookie } });
    expect(me.statusCode).toBe(200);
    await other.close();
  });
});

describe('the CSRF guard', () => {
  it('refuses a cookie request that changes state without X-Requested-With, writing nothing', async () => {
    const sales = await as('sales@demo.kilowatt');
    const body = companyBody({ name: 'CSRF Pokus s.r.o.' });
    const res = await app.inject({ method: 'POST', url: '/api/v1/clients', headers: { cookie: sales.cookie }, payload: body });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf_header_missing');
    expect((await sales.get('/api/v1/clients?q=csrf')).body.items).toHaveLength(0);
  });
});

describe('API tokens', () => {
  it('are created (secret shown once), act as their user without the CSRF header, and stop working when revoked', async () => {
    const sales = await as('sales@demo.kilowatt');
    const created = await sales.post('/api/v1/auth/tokens', { name: 'ERP import' });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    const bearer = { authorization: `Bearer ${token}` };
    const listed = (await sales.get('/api/v1/auth/tokens')).body.items;
    expect(listed[0]).toMatchObject({ name: 'ERP import', prefix: token.slice(0, 10) });
    expect(listed[0].token).toBeUndefined();

    const post = await app.inject({ method: 'POST', url: '/api/v1/clients', headers: bearer, payload: companyBody({ name: 'Token Firma s.r.o.' }) });
    expect(post.statusCode).toBe(201);
    expect(post.json().createdBy).toBe((await sales.get('/api/v1/auth/me')).body.user.id);

    expect((await sales.delete(`/api/v1/auth/tokens/${created.body.id}`)).status).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/clients', headers: bearer });
    expect(after.statusCode).toBe(401);
  });

  it('cannot be revoked by another user', async () => {
    const sales = await as('sales@demo.kilowatt');
    const sales2 = await as('sales2@demo.kilowatt');
    const created = await sales.post('/api/v1/auth/tokens', { name: 'mine' });
    expect((await sales2.delete(`/api/v1/auth/tokens/${created.body.id}`)).status).toBe(404);
  });
});
