import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../context.js';
import { createPglite, openPglite } from '../db/client.js';
import { ensureReferenceData } from '../db/reference-data.js';
import { commissions, commissionStatements } from '../modules/commissions/commissions.schema.js';
import { contracts } from '../modules/contracts/contracts.schema.js';
import { offers } from '../modules/offers/offers.schema.js';
import { loadDemoDataOnce } from './demo-data.js';

describe('the demo data', () => {
  // Benches load the demo with a few clients; the commissions demo then signs what it can instead of failing.
  it('loads with eight clients, with signed contracts, their commissions and approved statements', async () => {
    const database = openPglite(await createPglite());
    try {
      await database.migrate();
      const ctx = systemContext(database.db, pino({ level: 'silent' }), 'demo-test');
      await ensureReferenceData(ctx);
      await loadDemoDataOnce(ctx, 8);
      const signed = await database.db.select({ id: contracts.id, state: contracts.state }).from(contracts);
      expect(signed.length).toBeGreaterThanOrEqual(3);
      expect((await database.db.select({ id: commissions.id }).from(commissions)).length).toBeGreaterThan(0);
      expect(
        (await database.db.select({ id: commissionStatements.id }).from(commissionStatements)).length,
      ).toBeGreaterThan(0);
      // Offers only where the demo's price lists can price a client's supply points: a few clients may have none.
      const states = (await database.db.select({ state: offers.state }).from(offers)).map((o) => o.state);
      expect(states.every((state) => ['draft', 'awaitingApproval', 'approved', 'sent'].includes(state))).toBe(true);
    } finally {
      await database.close();
    }
  }, 120_000);

  // What `npm start` loads: the offers list, a case card and the approval queue each have an offer to show.
  it('loads with its usual forty clients a sent offer, a draft and one waiting for approval', async () => {
    const database = openPglite(await createPglite());
    try {
      await database.migrate();
      const ctx = systemContext(database.db, pino({ level: 'silent' }), 'demo-test');
      await ensureReferenceData(ctx);
      await loadDemoDataOnce(ctx);
      const made = await database.db.select({ state: offers.state, saving: offers.saving }).from(offers);
      expect(made.map((o) => o.state).sort()).toEqual(['awaitingApproval', 'draft', 'sent']);
      // The client's current prices are in the offer's currency, so each offer saves the client money.
      for (const offer of made) expect(Number(offer.saving)).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  }, 180_000);
});
