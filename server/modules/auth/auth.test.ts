import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../http/app.js';
import { companyBody, createTestApp } from '../../test/app.js';
import { loginAttempts, sessions } from './auth.schema.js';
import { hashSecret } from './tokens.js';

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

describe('each request acts with the session user’s current state', () => {
  const password = 'dlhe-heslo-123';
  const sessionOf = async (email: string, pass = password) => {
    const res = await login(email, pass);
    expect(res.statusCode).toBe(200);
    return res.cookies.find((c) => c.name === 'kw_session')!.value;
  };
  const cookieOf = (token: string) => `kw_session=${token}`;
  const west = async () => {
    const admin = await as('admin@demo.kilowatt');
    const teams = (await admin.get('/api/v1/teams')).body.items;
    return teams.find((t: { name: string }) => t.name === 'Predaj Západ') as { id: string; ownerId: string };
  };
  const newUser = async (email: string, roleKeys: string[], teamIds: string[] = []) => {
    const admin = await as('admin@demo.kilowatt');
    const res = await admin.post('/api/v1/users', { ownerId: (await west()).ownerId, email, name: email, password, roleKeys, teamIds });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };

  it('refuses an expired session', async () => {
    const token = await sessionOf('contactcentre@demo.kilowatt', 'kilowatt-demo');
    expect((await send('GET', '/api/v1/auth/me', cookieOf(token))).status).toBe(200);
    await db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.tokenHash, hashSecret(token)));
    expect((await send('GET', '/api/v1/auth/me', cookieOf(token))).status).toBe(401);
  });

  it('refuses the session of a user deactivated after signing in, and accepts it again once reactivated', async () => {
    const admin = await as('admin@demo.kilowatt');
    const user = await newUser('odchadzajuci@demo.kilowatt', ['sales']);
    const cookie = cookieOf(await sessionOf('odchadzajuci@demo.kilowatt'));
    expect((await send('GET', '/api/v1/clients', cookie)).status).toBe(200);
    const off = await admin.patch(`/api/v1/users/${user.id}`, { isActive: false, version: user.version });
    expect(off.status).toBe(200);
    expect((await send('GET', '/api/v1/clients', cookie)).status).toBe(401);
    await admin.patch(`/api/v1/users/${user.id}`, { isActive: true, version: off.body.version });
    expect((await send('GET', '/api/v1/clients', cookie)).status).toBe(200);
  });

  it('leaves a deactivated team out: its clients disappear for members who saw them only through it', async () => {
    const admin = await as('admin@demo.kilowatt');
    const team = await admin.post('/api/v1/teams', { ownerId: (await west()).ownerId, name: 'Dočasný tím' });
    expect(team.status).toBe(201);
    await newUser('clen1@demo.kilowatt', ['sales'], [team.body.id]);
    await newUser('clen2@demo.kilowatt', ['sales'], [team.body.id]);
    const creator = cookieOf(await sessionOf('clen1@demo.kilowatt'));
    const member = cookieOf(await sessionOf('clen2@demo.kilowatt'));
    const client = await send('POST', '/api/v1/clients', creator, companyBody({ name: 'Tímová Firma s.r.o.' }));
    expect(client.body.teamId).toBe(team.body.id);
    expect((await send('GET', `/api/v1/clients/${client.body.id}`, member)).status).toBe(200);
    expect((await send('GET', '/api/v1/auth/me', member)).body.teams).toEqual([{ id: team.body.id, name: 'Dočasný tím' }]);

    expect((await admin.patch(`/api/v1/teams/${team.body.id}`, { isActive: false, version: team.body.version })).status).toBe(200);
    expect((await send('GET', `/api/v1/clients/${client.body.id}`, member)).status).toBe(404);
    expect((await send('GET', `/api/v1/clients/${client.body.id}`, creator)).status).toBe(200);
  });

  it('resolves an API token to the user as they are now: deactivated refused, a removed team no longer seen', async () => {
    const admin = await as('admin@demo.kilowatt');
    const team = await admin.post('/api/v1/teams', { ownerId: (await west()).ownerId, name: 'Tím tokenov' });
    const user = await newUser('token.user@demo.kilowatt', ['sales'], [team.body.id]);
    await newUser('token.kolega@demo.kilowatt', ['sales'], [team.body.id]);
    const created = await send('POST', '/api/v1/auth/tokens', cookieOf(await sessionOf('token.user@demo.kilowatt')), { name: 'ERP' });
    const bearer = { authorization: `Bearer ${created.body.token as string}` };
    const colleague = cookieOf(await sessionOf('token.kolega@demo.kilowatt'));
    const client = await send('POST', '/api/v1/clients', colleague, companyBody({ name: 'Tokenová Firma s.r.o.' }));
    const read = () => app.inject({ method: 'GET', url: `/api/v1/clients/${client.body.id}`, headers: bearer });
    expect((await read()).statusCode).toBe(200);

    expect((await admin.patch(`/api/v1/teams/${team.body.id}`, { isActive: false, version: team.body.version })).status).toBe(200);
    expect((await read()).statusCode).toBe(404);

    const off = await admin.patch(`/api/v1/users/${user.id}`, { isActive: false, version: user.version });
    expect(off.status).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer })).statusCode).toBe(401);
  });

  it('gives a user with several roles the broadest scope and the permissions of all of them', async () => {
    const sales2 = await as('sales2@demo.kilowatt');
    const east = await sales2.post('/api/v1/clients', companyBody({ name: 'Východná Firma s.r.o.' }));
    expect(east.status).toBe(201);
    await newUser('len.predaj@demo.kilowatt', ['sales']);
    await newUser('predaj.a.pravo@demo.kilowatt', ['legal', 'sales']);
    const salesOnly = cookieOf(await sessionOf('len.predaj@demo.kilowatt'));
    const both = cookieOf(await sessionOf('predaj.a.pravo@demo.kilowatt'));
    expect((await send('GET', `/api/v1/clients/${east.body.id}`, salesOnly)).status).toBe(404);
    expect((await send('GET', `/api/v1/clients/${east.body.id}`, both)).status).toBe(200);
    const me = (await send('GET', '/api/v1/auth/me', both)).body;
    expect(me.scope).toBe('owner');
    expect(me.permissions).toEqual(expect.arrayContaining(['clients.read', 'clients.write', 'clients.export']));
  });
});
