import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';

const { app, as } = await createTestApp();
const admin = await as('admin@demo.kilowatt');

describe('administration', () => {
  it('lists two owner companies, three teams and one user per role for the administrator', async () => {
    expect((await admin.get('/api/v1/owners')).body.items).toHaveLength(2);
    expect((await admin.get('/api/v1/teams')).body.items).toHaveLength(3);
    const roles = new Set((await admin.get('/api/v1/users')).body.items.flatMap((u: { roleKeys: string[] }) => u.roleKeys));
    expect([...roles].sort()).toEqual(['administrator', 'backoffice', 'contactcentre', 'finance', 'legal', 'manager', 'sales']);
  });

  it('creates a user in a team who can sign in and sees that team’s clients', async () => {
    const teams = (await admin.get('/api/v1/teams')).body.items;
    const west = teams.find((t: { name: string }) => t.name === 'Predaj Západ');
    const created = await admin.post('/api/v1/users', {
      ownerId: west.ownerId,
      email: 'Nova.Predajca@demo.kilowatt',
      name: 'Nová Predajkyňa',
      password: 'dlhe-heslo-123',
      roleKeys: ['sales'],
      teamIds: [west.id],
    });
    expect(created.status).toBe(201);
    expect(created.body.email).toBe('nova.predajca@demo.kilowatt');
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nova.predajca@demo.kilowatt', password: 'dlhe-heslo-123' } });
    expect(login.statusCode).toBe(200);
    const duplicate = await admin.post('/api/v1/users', { email: 'nova.predajca@demo.kilowatt', name: 'X', password: 'dlhe-heslo-123' });
    expect(duplicate.status).toBe(409);
  });

  it('rejects a short password naming the field', async () => {
    const res = await admin.post('/api/v1/users', { email: 'short@demo.kilowatt', name: 'Short', password: 'short' });
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'password', code: 'too_small' }));
  });

  it('manages code lists: a new industry becomes usable on clients; a deactivated one is refused', async () => {
    const added = await admin.post('/api/v1/code-lists/industry/items', { code: 'mining', labels: { en: 'Mining', sk: 'Ťažba' } });
    expect(added.status).toBe(201);
    const sales = await as('sales@demo.kilowatt');
    const withMining = await sales.post('/api/v1/clients', { kind: 'person', name: 'Baník Jozef', country: 'SK', industry: 'mining' });
    expect(withMining.status).toBe(201);
    await admin.patch(`/api/v1/code-lists/industry/items/${added.body.id}`, { isActive: false, version: 1 });
    const refused = await sales.post('/api/v1/clients', { kind: 'person', name: 'Baník Peter', country: 'SK', industry: 'mining' });
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ path: 'industry', code: 'unknown_code' }));
  });

  it('is refused to non-administrators', async () => {
    const manager = await as('manager@demo.kilowatt');
    expect((await manager.post('/api/v1/users', { email: 'x@demo.kilowatt', name: 'X', password: 'dlhe-heslo-123' })).status).toBe(403);
    expect((await manager.post('/api/v1/code-lists/industry/items', { code: 'x', labels: { en: 'X' } })).status).toBe(403);
  });
});
