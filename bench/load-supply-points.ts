import { randomUUID } from 'node:crypto';
import { and, asc, count, gt, isNull, notExists, sql } from 'drizzle-orm';
import pino from 'pino';
import { systemContext } from '../server/context.js';
import type { Database } from '../server/db/client.js';
import { seededRandom } from '../server/demo/generator.js';
import { generateSupplyPoint, type GeneratedSupplyPoint } from '../server/demo/supply-point-generator.js';
import { clients } from '../server/modules/clients/clients.schema.js';
import {
  businessDate,
  loadEnergyReference,
  type EnergyReference,
} from '../server/modules/code-lists/energy-reference.service.js';
import {
  checkSupplyPoint,
  type SupplyPointFields,
} from '../server/modules/supply-points/supply-point-rules.js';
import { supplyPoints } from '../server/modules/supply-points/supply-points.schema.js';
import { insertRows, type InsertMode } from './load.js';

/**
 * Bulk loader for the benchmark: supply points for clients already in the database (bench/load.ts), with valid
 * identifiers from the demo generator (server/demo/supply-point-generator.ts: SK EIC and POD, CZ EAN and EIC).
 * Each row is what `createSupplyPoint` stores for the same input: the columns come from the very
 * `checkSupplyPoint` the service calls, with the reference data valid today (identifier normalised, territory
 * from the identifier, kWh from the unit, `searchText`), the address unverified as without a geocoder, the
 * client's owner and the client's creator as the author. bench/load-supply-points.test.ts compares a bulk row
 * with the service's row field by field. Code-list membership and identifier uniqueness are the generator's job
 * (the test covers the first; identifiers already taken are generated again). No history is written.
 */

export type SupplyPointRow = typeof supplyPoints.$inferInsert & { id: string; createdAt: Date };

/** What a supply point needs to know about its client. */
export type Holder = Pick<
  typeof clients.$inferSelect,
  | 'id'
  | 'ownerId'
  | 'teamId'
  | 'responsibleUserId'
  | 'country'
  | 'kind'
  | 'businessArea'
  | 'street'
  | 'city'
  | 'postalCode'
  | 'addressCountry'
  | 'createdBy'
  | 'createdAt'
>;

/**
 * The input a user (or the demo loader) gives `createSupplyPoint` for the n-th supply point of a client: the
 * first at the client's address, further ones at other sites in the same town, as server/demo/demo-data.ts does.
 */
export const supplyPointInputOf = (
  holder: Holder,
  point: GeneratedSupplyPoint,
  n: number,
): SupplyPointFields => {
  const street = holder.street ?? 'Hlavná 1';
  return {
    ...point,
    status: 'active',
    address: {
      street: n === 0 ? street : `${street.replace(/\d+$/, '')}${10 + n * 7}`,
      city: holder.city,
      postalCode: holder.postalCode,
      country: holder.addressCountry,
    },
  };
};

/** The row `createSupplyPoint` stores for this input (supply-points.service.ts), without a geocoder. */
export const supplyPointRowOf = (
  holder: Holder,
  input: SupplyPointFields,
  reference: EnergyReference,
  at: { userId: string | null; createdAt: Date },
): SupplyPointRow => {
  const checked = checkSupplyPoint(input, { country: holder.country, kind: holder.kind }, reference);
  if (checked.errors.length > 0) {
    throw new Error(
      `generated supply point ${input.identifier} is invalid: ${JSON.stringify(checked.errors)}`,
    );
  }
  return {
    id: randomUUID(),
    ...checked.columns,
    latitude: null,
    longitude: null,
    addressStatus: 'unverified',
    clientId: holder.id,
    ownerId: holder.ownerId,
    // The client's access columns, as the trigger of migration 0010 copies them (it runs on these inserts too).
    clientTeamId: holder.teamId,
    clientResponsibleUserId: holder.responsibleUserId,
    clientCreatedBy: holder.createdBy,
    importId: null,
    archivedAt: null,
    createdBy: at.userId,
    updatedBy: at.userId,
    createdAt: at.createdAt,
    updatedAt: at.createdAt,
    version: 1,
  };
};

/** The reference data valid today, as `referenceForToday` reads it. */
export const todaysReference = (db: Database): Promise<EnergyReference> =>
  loadEnergyReference(systemContext(db, pino({ level: 'silent' }), 'bench'), businessDate(new Date()));

export type SupplyPointLoadOptions = {
  db: Database;
  /** Supply points to add, spread over the clients that have none yet (people one, companies 1–8). */
  supplyPoints: number;
  seed?: number;
  /** Rows per INSERT statement and per transaction. */
  batchSize?: number;
  mode?: InsertMode;
  /** Batches written at once (PostgreSQL: 2; PGlite has one connection). */
  concurrency?: number;
  progress?: (line: string) => void;
  /**
   * PostgreSQL: drop the table's indexes other than the primary key for the load and build them again from their
   * own definitions afterwards (with more maintenance memory), which is much faster than updating them row by row
   * once they outgrow the cache. If the process dies in between, the indexes are missing: load into a fresh
   * database again.
   */
  rebuildIndexes?: boolean;
};

export type SupplyPointLoadResult = {
  supplyPoints: number;
  clients: number;
  regenerated: number;
  ms: number;
  /** Time spent building the indexes again (included in `ms`). */
  indexMs: number;
};

const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);

/** The supply-point indexes that are not the primary key, by name with their CREATE INDEX statements. */
const secondaryIndexes = async (db: Database) =>
  rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`
      select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = 'supply_points'
        and i.indexname not in (select conname from pg_constraint where conrelid = 'supply_points'::regclass)`),
  );

const day = 86_400_000;
const clientsPerRead = 5000;

export const loadSupplyPoints = async (options: SupplyPointLoadOptions): Promise<SupplyPointLoadResult> => {
  const started = performance.now();
  const { db } = options;
  const target = options.supplyPoints;
  const batchSize = options.batchSize ?? 1000;
  const mode = options.mode ?? 'json';
  const random = seededRandom(options.seed ?? 20_261_102);
  const reference = await todaysReference(db);

  // One supply point per identifier per owner: identifiers already stored (the demo clients' ones) are taken.
  // The formats differ by country, so one set over all owners is the same rule.
  const taken = new Set(
    (await db.select({ identifier: supplyPoints.identifier }).from(supplyPoints)).map((r) => r.identifier),
  );
  const withoutPoints = and(
    isNull(clients.archivedAt),
    notExists(
      db
        .select({ one: sql`1` })
        .from(supplyPoints)
        .where(sql`${supplyPoints.clientId} = ${clients.id}`),
    ),
  );
  const [eligible] = await db.select({ n: count() }).from(clients).where(withoutPoints);
  // Read once: while its indexes are dropped, a NOT EXISTS per batch of clients would scan the table.
  const hadPoints = new Set(
    (await db.selectDistinct({ id: supplyPoints.clientId }).from(supplyPoints)).map((r) => r.id),
  );
  const dropped = options.rebuildIndexes && target > 0 ? await secondaryIndexes(db) : [];
  for (const index of dropped) await db.execute(sql`drop index ${sql.identifier(index.name)}`);
  const clientCount = Number(eligible?.n ?? 0);
  if (target > 0 && clientCount === 0) throw new Error('no clients without supply points to load them for');

  let total = 0;
  let seen = 0;
  let regenerated = 0;
  const now = Date.now();

  const pointsOf = (holder: Holder, last: boolean): SupplyPointRow[] => {
    // What keeps the total on target so far, give or take one for companies; people have one supply point.
    const owed = Math.round((target * (seen + 1)) / clientCount) - total;
    const jitter = holder.kind === 'company' ? (random() < 0.25 ? -1 : random() < 0.33 ? 1 : 0) : 0;
    const floor = target >= clientCount ? 1 : 0;
    let n = holder.kind === 'person' ? Math.min(1, owed) : owed + jitter;
    n = Math.max(floor, Math.min(8, n));
    if (last) n = Math.max(n, target - total);
    // Leave enough of the target for every client still to come to get its floor (one each when there are enough).
    n = Math.max(
      Math.min(floor, target - total),
      Math.min(n, target - total - floor * (clientCount - seen - 1)),
    );
    seen += 1;
    const rows: SupplyPointRow[] = [];
    for (let i = 0; i < n; i++) {
      let point = generateSupplyPoint(
        random,
        holder.country as 'SK' | 'CZ',
        holder.kind === 'person',
        holder.businessArea ?? undefined,
      );
      while (taken.has(point.identifier)) {
        regenerated += 1;
        point = generateSupplyPoint(
          random,
          holder.country as 'SK' | 'CZ',
          holder.kind === 'person',
          holder.businessArea ?? undefined,
        );
      }
      taken.add(point.identifier);
      const createdAt = new Date(Math.min(now, holder.createdAt.getTime() + Math.floor(random() * 60 * day)));
      rows.push(
        supplyPointRowOf(holder, supplyPointInputOf(holder, point, i), reference, {
          userId: holder.createdBy,
          createdAt,
        }),
      );
    }
    total += rows.length;
    return rows;
  };

  const insertBatch = (rows: SupplyPointRow[]) =>
    db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += batchSize)
        await insertRows(tx as unknown as Database, supplyPoints, rows.slice(i, i + batchSize), mode);
    });

  const concurrency = Math.max(1, options.concurrency ?? 1);
  const inFlight = new Set<Promise<void>>();
  let pending: SupplyPointRow[] = [];
  const flush = async () => {
    const rows = pending;
    pending = [];
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    const write: Promise<void> = insertBatch(rows).finally(() => inFlight.delete(write));
    inFlight.add(write);
  };

  let indexMs = 0;
  try {
    let after = '00000000-0000-0000-0000-000000000000';
    let nextReport = 0.1;
    while (total < target) {
      // Clients in id order (random, as ids are); those that had supply points before this load are skipped.
      const holders: Holder[] = await db
        .select({
          id: clients.id,
          ownerId: clients.ownerId,
          teamId: clients.teamId,
          responsibleUserId: clients.responsibleUserId,
          country: clients.country,
          kind: clients.kind,
          businessArea: clients.businessArea,
          street: clients.street,
          city: clients.city,
          postalCode: clients.postalCode,
          addressCountry: clients.addressCountry,
          createdBy: clients.createdBy,
          createdAt: clients.createdAt,
        })
        .from(clients)
        .where(and(gt(clients.id, after), isNull(clients.archivedAt)))
        .orderBy(asc(clients.id))
        .limit(clientsPerRead);
      if (holders.length === 0) break;
      after = holders[holders.length - 1]!.id;
      for (const holder of holders) {
        if (hadPoints.has(holder.id)) continue;
        pending.push(...pointsOf(holder, seen + 1 >= clientCount));
        if (pending.length >= batchSize) await flush();
        if (total >= target) break;
      }
      if (total >= nextReport * target) {
        const seconds = (performance.now() - started) / 1000;
        options.progress?.(`  ${total.toLocaleString('en')} supply points (${seconds.toFixed(1)} s)`);
        while (total >= nextReport * target) nextReport += 0.1;
      }
    }
    if (pending.length > 0) await flush();
    await Promise.all(inFlight);
  } finally {
    // Also after a failure, so the database is left with its indexes.
    await Promise.allSettled(inFlight);
    const indexStarted = performance.now();
    for (const index of dropped) {
      options.progress?.(`  building ${index.name}…`);
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local maintenance_work_mem = '1GB'`);
        await tx.execute(sql.raw(index.definition));
      });
    }
    indexMs = performance.now() - indexStarted;
  }
  return { supplyPoints: total, clients: seen, regenerated, ms: performance.now() - started, indexMs };
};
