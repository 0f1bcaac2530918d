import { describe, expect, it } from 'vitest';
import { companyBody, createTestApp } from '../../test/app.js';

const { as } = await createTestApp();
const sales = await as('sales@demo.kilowatt');
const sales2 = await as('sales2@demo.kilowatt');

const client = (await sales.post('/api/v1/clients', companyBody({ name: 'Kovtechnik Trnava a.s.' }))).body as { id: string; companyId: string };
const contact = (
  await sales.post(`/api/v1/clients/${client.id}/contacts`, { firstName: 'Jana', lastName: 'Nováková', email: 'jana.novakova@kovtechnik.sk' })
).body as { id: string };

const lead = (await sales.post('/api/v1/leads', { name: 'Zlievareň Podbrezová Lead', country: 'SK', email: 'nakup@zlievaren.sk' })).body as { id: string };
const kase = (
  await sales.post('/api/v1/cases', { clientId: client.id, name: 'Dodávka elektriny Zlievareň 2027', type: 'acquisition', commodity: 'electricity' })
).body as { id: string };

const hitsOf = async (caller: typeof sales, q: string) =>
  ((await caller.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).body.items as { type: string; id: string }[]).map((h) => `${h.type}:${h.id}`);

describe('global search (CORE-8)', () => {
  it.each([
    ['the exact name', 'Kovtechnik'],
    ['a name without accents and in lower case', 'kovtechnik trnava'],
    ['a name with a typo', 'Kowtechnik'],
    ['a name with a dropped letter', 'Kovtechnk'],
  ])('finds the client by %s', async (_case, q) => {
    expect(await hitsOf(sales, q)).toContain(`client:${client.id}`);
  });

  it('finds a contact by a surname with a typo', async () => {
    expect(await hitsOf(sales, 'Novakowa')).toContain(`contact:${contact.id}`);
  });

  it('matches identifiers exactly: an IČO with one wrong digit finds nothing', async () => {
    expect(await hitsOf(sales, client.companyId)).toContain(`client:${client.id}`);
    const wrong = client.companyId.slice(0, -1) + ((Number(client.companyId.at(-1)) + 1) % 10);
    expect(await hitsOf(sales, wrong)).not.toContain(`client:${client.id}`);
  });

  it('shows a user of another team nothing, not even by a similar name', async () => {
    expect(await hitsOf(sales2, 'Kovtechnik')).not.toContain(`client:${client.id}`);
    expect(await hitsOf(sales2, 'Kowtechnik')).not.toContain(`client:${client.id}`);
    expect(await hitsOf(sales2, 'Novakowa')).not.toContain(`contact:${contact.id}`);
  });

  it('finds leads and business cases too, each opening its own card', async () => {
    const hits = (await sales.get('/api/v1/search?q=zlievaren')).body.items as { type: string; id: string; url: string }[];
    expect(hits).toContainEqual(expect.objectContaining({ type: 'lead', id: lead.id, url: `/leads/${lead.id}` }));
    expect(hits).toContainEqual(expect.objectContaining({ type: 'case', id: kase.id, url: `/cases/${kase.id}` }));
  });

  it('shows leads and cases only to those who may see them', async () => {
    expect(await hitsOf(sales2, 'zlievaren')).toEqual([]);
    // The legal department has no sales rights: no lead or case, whatever it may see of clients.
    const legalHits = await hitsOf(await as('legal@demo.kilowatt'), 'zlievaren');
    expect(legalHits).not.toContain(`lead:${lead.id}`);
    expect(legalHits).not.toContain(`case:${kase.id}`);
  });
});
