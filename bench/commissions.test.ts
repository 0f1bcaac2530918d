import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../server/test/database.js';
import { commissionsReport, runCommissionsBench } from './commissions.js';

const database = await openTestDatabase();
afterAll(() => database.close());

describe('the commissions bench at a tiny scale', () => {
  it('generates signed contracts, runs the generation in chunks and finds the stored sums equal to its own recomputation', async () => {
    const result = await runCommissionsBench({ db: database.db, contracts: 300, chunkSize: 70, seed: 11, floor: true });
    if (process.env.BENCH_PRINT) console.log(commissionsReport(result, 'tiny'));
    const failed = result.comparison.filter((c) => !c.ok);
    expect(failed).toEqual([]);
    expect(result.matches).toBe(true);
    expect(result.run.contracts).toBe(300);
    // The check has something to check: commissions of both kinds, payouts, and the uncovered supplier reported.
    const line = (what: string) => result.comparison.find((c) => c.what === what)!;
    expect(Number(line('sales commissions total').expected)).toBeGreaterThan(0);
    expect(Number(line('company commissions total').expected)).toBeGreaterThan(0);
    expect(result.run.payouts).toBeGreaterThan(result.run.commissions);
    expect(result.data.unmatchedContracts).toBeGreaterThan(0);
    expect(line('no_rule problems of the uncovered supplier (2 per supply point)').actual).toBe(String(2 * result.data.unmatchedPoints));
    // The floor wrote the same rows the run did.
    expect(result.floor).toMatchObject({ commissions: result.run.commissions, payouts: result.run.payouts, problems: result.run.problems });
  }, 60_000);
});
