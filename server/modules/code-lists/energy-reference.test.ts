import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';

const { as } = await createTestApp();
const admin = await as('admin@demo.kilowatt');
const sales = await as('sales@demo.kilowatt');

const band = (overrides: Record<string, unknown> = {}) => ({
  code: 'D9',
  country: 'SK',
  commodity: 'gas',
  customerCategory: 'household',
  lowerKWh: '300000',
  upperKWh: '600000',
  lowerInclusive: false,
  upperInclusive: true,
  validFrom: '2027-01-01',
  source: 'ÚRSO price decision 2027 (test)',
  ...overrides,
});

describe('consumption bands (data with validity, never code)', () => {
  it('are seeded from the reference data with their source', async () => {
    const res = await sales.get('/api/v1/consumption-bands?country=SK&commodity=gas');
    expect(res.status).toBe(200);
    const codes = res.body.items.map((b: { code: string }) => b.code);
    expect(codes).toEqual(expect.arrayContaining(['D1', 'D8', 'M1', 'M8']));
    expect(res.body.items.find((b: { code: string }) => b.code === 'D2')).toMatchObject({ lowerKWh: '2138', upperKWh: '18173', lowerInclusive: false, upperInclusive: true });
  });

  it('an administrator adds and corrects a band; the change is used from its validity date', async () => {
    const created = await admin.post('/api/v1/consumption-bands', band());
    expect(created.status).toBe(201);
    const corrected = await admin.patch(`/api/v1/consumption-bands/${created.body.id}`, { upperKWh: '650000', version: created.body.version });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ upperKWh: '650000', version: 2 });
    const stale = await admin.patch(`/api/v1/consumption-bands/${created.body.id}`, { upperKWh: '700000', version: 1 });
    expect(stale.status).toBe(409);
  });

  it.each([
    ['an upper limit below the lower one', { upperKWh: '100' }, 'upperKWh', 'not_above_lower'],
    ['a validity ending before it starts', { validTo: '2026-12-31' }, 'validTo', 'before_valid_from'],
    ['a limit that is not a decimal string', { lowerKWh: '1e5' }, 'lowerKWh', 'invalid_format'],
  ])('rejects %s', async (_case, overrides, path, code) => {
    const res = await admin.post('/api/v1/consumption-bands', band({ code: 'DX', ...overrides }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('may not be changed by a sales user', async () => {
    const res = await sales.post('/api/v1/consumption-bands', band({ code: 'D10' }));
    expect(res.status).toBe(403);
    const list = await sales.get('/api/v1/consumption-bands?country=SK&commodity=gas');
    expect(list.body.items.map((b: { code: string }) => b.code)).not.toContain('D10');
  });
});
