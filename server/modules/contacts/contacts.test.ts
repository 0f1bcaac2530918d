import { describe, expect, it } from 'vitest';
import { companyBody, createTestApp } from '../../test/app.js';

const { as } = await createTestApp();
const sales = await as('sales@demo.kilowatt');
const client = (await sales.post('/api/v1/clients', companyBody({ name: 'Kontakty Test s.r.o.' }))).body;

describe('contact persons', () => {
  it('are created with channels and the signing-person flag, listed on the client, and recorded in its history', async () => {
    const res = await sales.post(`/api/v1/clients/${client.id}/contacts`, {
      firstName: 'Jana',
      lastName: 'Nováková',
      function: 'director',
      email: 'Jana.Novakova@Example.sk',
      phone: '0905 111 222',
      preferredChannel: 'email',
      isSigningPerson: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'jana.novakova@example.sk', phone: '+421905111222', isSigningPerson: true, version: 1 });
    const listed = (await sales.get(`/api/v1/clients/${client.id}/contacts`)).body.items;
    expect(listed.map((c: { lastName: string }) => c.lastName)).toEqual(['Nováková']);
    const history = (await sales.get(`/api/v1/clients/${client.id}/history`)).body.items;
    expect(history).toContainEqual(expect.objectContaining({ entityType: 'contact', action: 'create', field: 'lastName', after: 'Nováková' }));
  });

  it.each([
    ['an unknown function', { function: 'astronaut' }, 'function', 'unknown_code'],
    ['a bad mobile number', { mobile: '12' }, 'mobile', 'invalid_phone'],
    ['a missing last name', { lastName: '' }, 'lastName', 'too_small'],
    ['an unknown channel', { preferredChannel: 'pigeon' }, 'preferredChannel', 'invalid_value'],
  ])('rejects %s naming the field', async (_, overrides, path, code) => {
    const res = await sales.post(`/api/v1/clients/${client.id}/contacts`, { firstName: 'Peter', lastName: 'Zlý', ...overrides });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code }));
    const names = (await sales.get(`/api/v1/clients/${client.id}/contacts`)).body.items.map((c: { firstName: string }) => c.firstName);
    expect(names).not.toContain('Peter');
  });

  it('updates with optimistic locking and archives', async () => {
    const created = (await sales.post(`/api/v1/clients/${client.id}/contacts`, { firstName: 'Ivan', lastName: 'Fakturant', function: 'invoicing' })).body;
    const updated = await sales.patch(`/api/v1/contacts/${created.id}`, { isSigningPerson: true, version: 1 });
    expect(updated.body).toMatchObject({ isSigningPerson: true, version: 2 });
    expect((await sales.patch(`/api/v1/contacts/${created.id}`, { note: 'late', version: 1 })).status).toBe(409);
    const history = (await sales.get(`/api/v1/contacts/${created.id}/history`)).body.items;
    expect(history[0]).toMatchObject({ field: 'isSigningPerson', before: false, after: true });
    const manager = await as('manager@demo.kilowatt');
    expect((await manager.post(`/api/v1/contacts/${created.id}/archive`, { version: 2 })).status).toBe(200);
    const active = (await sales.get(`/api/v1/clients/${client.id}/contacts`)).body.items.map((c: { id: string }) => c.id);
    expect(active).not.toContain(created.id);
  });
});
