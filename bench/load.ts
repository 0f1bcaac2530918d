import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, inArray, isNotNull, isNull, sql, type Table } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { searchable } from '../domain/clients/client-rules.js';
import type { Database } from '../server/db/client.js';
import {
  generateClient,
  seededRandom,
  type GeneratedClient,
  type GeneratedContact,
} from '../server/demo/generator.js';
import { activities } from '../server/modules/activities/activities.schema.js';
import { casePotentials, cases } from '../server/modules/cases/cases.schema.js';
import { clients } from '../server/modules/clients/clients.schema.js';
import { contacts } from '../server/modules/contacts/contacts.schema.js';
import { supplyPoints } from '../server/modules/supply-points/supply-points.schema.js';
import { teamMembers } from '../server/modules/teams/teams.schema.js';
import { users } from '../server/modules/users/users.schema.js';

/**
 * Bulk loader for the benchmark: N clients and 3N contacts straight into a migrated database that already has
 * the demo owners, teams and users (`loadDemoDataOnce`). Each row is what `createClient` / `createContact` store
 * for the same input: identifiers and phones are already normalised by the generator (bench/generator.test.ts
 * checks that normalising them changes nothing, and bench/load.test.ts that a row equals the service's), the
 * e-mail is lower-cased and `searchText` comes from the same `searchable()` call over the same fields. Rows go in
 * by multi-row INSERTs of `batchSize` rows, one transaction per batch of clients and their contacts. No audit
 * history is written: the bench measures reads.
 */

export type ClientRow = typeof clients.$inferInsert & { id: string; createdAt: Date };
export type ContactRow = typeof contacts.$inferInsert;

/** A demo sales team: its owner company, the team and the users who create (and are responsible for) its clients. */
export type Territory = { ownerId: string; teamId: string; creators: string[] };
export type Territories = Record<TerritoryKey, Territory>;
type TerritoryKey = 'west' | 'east' | 'prague';

const demoCreators: Record<TerritoryKey, readonly string[]> = {
  // sales@ works the west with the manager; sales2@ (team East) must not see these (DESIGN.md).
  west: ['sales@demo.kilowatt', 'sales@demo.kilowatt', 'sales@demo.kilowatt', 'manager@demo.kilowatt'],
  east: ['sales2@demo.kilowatt'],
  prague: ['sales.cz@demo.kilowatt'],
};

/** The demo teams and their users, read from the database `loadDemoDataOnce` filled. */
export const demoTerritories = async (db: Database): Promise<Territories> => {
  const emails = [...new Set(Object.values(demoCreators).flat())];
  const rows = await db
    .select({ id: users.id, email: users.email, ownerId: users.ownerId, teamId: teamMembers.teamId })
    .from(users)
    .leftJoin(teamMembers, eq(teamMembers.userId, users.id))
    .where(inArray(users.email, emails));
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const territory = (key: TerritoryKey): Territory => {
    const creators = demoCreators[key].map((email) => {
      const user = byEmail.get(email);
      if (!user) throw new Error(`demo user ${email} is missing: run loadDemoDataOnce first`);
      return user;
    });
    const lead = creators[0]!;
    if (!lead.teamId) throw new Error(`demo user ${lead.email} has no team`);
    return { ownerId: lead.ownerId, teamId: lead.teamId, creators: creators.map((u) => u.id) };
  };
  return { west: territory('west'), east: territory('east'), prague: territory('prague') };
};

/** Western Slovakia goes to team West, the rest of Slovakia to team East, Czech clients to Prague. */
export const territoryOf = (client: Pick<GeneratedClient, 'country' | 'businessArea'>): TerritoryKey =>
  client.country === 'CZ' ? 'prague' : client.businessArea === 'sk-west' ? 'west' : 'east';

/** The row `createClient` stores for this generated client (clients.service.ts `prepare`). */
export const clientRowOf = (
  generated: GeneratedClient,
  at: { ownerId: string; teamId: string; userId: string; createdAt: Date },
): ClientRow => {
  const email = generated.email.toLowerCase();
  return {
    id: randomUUID(),
    ownerId: at.ownerId,
    teamId: at.teamId,
    responsibleUserId: at.userId,
    kind: generated.kind,
    name: generated.name,
    country: generated.country,
    companyId: generated.companyId,
    taxId: generated.taxId,
    vatId: generated.vatId,
    status: generated.status,
    relationshipType: generated.relationshipType,
    businessArea: generated.businessArea,
    industry: generated.industry,
    email,
    phone: generated.phone,
    website: null,
    street: generated.address.street,
    city: generated.address.city,
    postalCode: generated.address.postalCode,
    addressCountry: generated.address.country,
    creditRating: null,
    debtorNumber: null,
    creditorNumber: null,
    note: null,
    // The same fields in the same order as clients.service.ts.
    searchText: searchable(
      generated.name,
      generated.companyId,
      generated.taxId,
      generated.vatId,
      email,
      generated.phone,
      generated.address.city,
      generated.address.street,
    ),
    archivedAt: null,
    createdBy: at.userId,
    updatedBy: at.userId,
    createdAt: at.createdAt,
    updatedAt: at.createdAt,
    version: 1,
  };
};

/** The row `createContact` stores for this generated contact of `client` (contacts.service.ts `prepare`). */
export const contactRowOf = (client: ClientRow, contact: GeneratedContact): ContactRow => {
  const email = contact.email.toLowerCase();
  return {
    id: randomUUID(),
    ownerId: client.ownerId,
    clientId: client.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    function: contact.function,
    email,
    phone: contact.phone,
    mobile: null,
    preferredChannel: null,
    isSigningPerson: contact.isSigningPerson,
    isPrimary: contact.isPrimary,
    note: null,
    searchText: searchable(contact.firstName, contact.lastName, email, contact.phone, null),
    archivedAt: null,
    createdBy: client.createdBy ?? null,
    updatedBy: client.createdBy ?? null,
    createdAt: client.createdAt,
    updatedAt: client.createdAt,
    version: 1,
  };
};

/**
 * How rows reach the database:
 * - `json` (default): one statement per batch with a single parameter, the batch as JSON, expanded by
 *   PostgreSQL's `json_populate_recordset` into the table's own row type. Fast on both databases.
 * - `values`: Drizzle's `db.insert(table).values(rows)`, one bind parameter per cell. The typed path, but Drizzle
 *   spends ~50 ms of JavaScript per 1,000 contact rows building it, 2–3× slower overall (docs/performance.md).
 */
export type InsertMode = 'json' | 'values';

/** Property → database column name, as Drizzle's snake_case casing names it (or the name the schema gives). */
const columnNamesOf = (table: Table): [key: string, column: string][] =>
  Object.entries(getTableColumns(table)).map(([key, column]) => [
    key,
    column.keyAsName ? toSnakeCase(column.name) : column.name,
  ]);

/** Every column of the table under its database name: json_populate_recordset turns a missing key into NULL, not the default. */
const jsonBatch = <T extends Record<string, unknown>>(table: Table, rows: T[]): string => {
  const columns = columnNamesOf(table);
  return JSON.stringify(
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        if (!(key in row)) throw new Error(`bench row lacks ${key}`);
        out[column] = row[key];
      }
      return out;
    }),
  );
};

export type BulkTable =
  | typeof clients
  | typeof contacts
  | typeof supplyPoints
  | typeof cases
  | typeof casePotentials
  | typeof activities;

export const insertRows = async <T extends Record<string, unknown>>(
  db: Database,
  table: BulkTable,
  rows: T[],
  mode: InsertMode,
) => {
  if (rows.length === 0) return;
  if (mode === 'values') {
    await db.insert(table).values(rows as never);
    return;
  }
  await db.execute(
    sql`insert into ${table} select * from json_populate_recordset(null::${table}, ${jsonBatch(table, rows)}::json)`,
  );
};

export type LoadOptions = {
  db: Database;
  /** Clients to add. */
  clients: number;
  /** Contacts to add (default 3 per client): person clients have none, companies make up for them. */
  contacts?: number;
  seed?: number;
  /** Rows per INSERT statement; each transaction holds `batchSize` clients and their contacts. */
  batchSize?: number;
  mode?: InsertMode;
  /** Batches written at once, each in its own transaction (PostgreSQL: 2 keeps both cores busy; PGlite has one connection). */
  concurrency?: number;
  /** A progress line about every 10 %. */
  progress?: (line: string) => void;
};

export type LoadResult = { clients: number; contacts: number; ms: number };

const day = 86_400_000;
const since = Date.UTC(2023, 0, 1);

export const loadClients = async (options: LoadOptions): Promise<LoadResult> => {
  const started = performance.now();
  const { db } = options;
  const batchSize = options.batchSize ?? 1000;
  const mode = options.mode ?? 'json';
  const contactTarget = options.contacts ?? options.clients * 3;
  const random = seededRandom(options.seed ?? 20_261_101);
  const territories = await demoTerritories(db);

  // The unique index (owner, country, company ID) among clients in use: a generated IČO already taken is skipped.
  const taken = new Set(
    (
      await db
        .select({ ownerId: clients.ownerId, country: clients.country, companyId: clients.companyId })
        .from(clients)
        .where(and(isNotNull(clients.companyId), isNull(clients.archivedAt)))
    ).map((r) => `${r.ownerId}|${r.country}|${r.companyId}`),
  );
  const [countRow] = await db.select({ n: sql<number>`count(*)::int` }).from(clients);
  let serial = (countRow?.n ?? 0) + 1_000_000;

  let clientTotal = 0;
  let contactTotal = 0;
  let lastCompany: ClientRow | null = null;

  const nextClient = (): { row: ClientRow; contactRows: ContactRow[] } => {
    for (;;) {
      serial += 1;
      const owed = Math.round((contactTarget * (clientTotal + 1)) / options.clients) - contactTotal;
      const generated = generateClient(random, serial, Math.max(1, Math.min(8, owed)));
      const territory = territories[territoryOf(generated)];
      const key = `${territory.ownerId}|${generated.country}|${generated.companyId}`;
      if (generated.companyId && taken.has(key)) continue;
      if (generated.companyId) taken.add(key);
      const userId = territory.creators[Math.floor(random() * territory.creators.length)]!;
      const createdAt = new Date(since + Math.floor(random() * 3 * 365 * day));
      const row = clientRowOf(generated, {
        ownerId: territory.ownerId,
        teamId: territory.teamId,
        userId,
        createdAt,
      });
      const contactRows = generated.contacts.map((c) => contactRowOf(row, c));
      clientTotal += 1;
      contactTotal += contactRows.length;
      if (generated.kind === 'company') lastCompany = row;
      return { row, contactRows };
    }
  };

  const insertBatch = (clientRows: ClientRow[], contactRows: ContactRow[]) =>
    db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      for (let i = 0; i < clientRows.length; i += batchSize)
        await insertRows(t, clients, clientRows.slice(i, i + batchSize), mode);
      for (let i = 0; i < contactRows.length; i += batchSize)
        await insertRows(t, contacts, contactRows.slice(i, i + batchSize), mode);
    });

  let nextReport = 0.1;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const inFlight = new Set<Promise<void>>();
  while (clientTotal < options.clients) {
    const clientRows: ClientRow[] = [];
    const contactRows: ContactRow[] = [];
    const until = Math.min(options.clients, clientTotal + batchSize);
    while (clientTotal < until) {
      const next = nextClient();
      clientRows.push(next.row);
      contactRows.push(...next.contactRows);
    }
    // Person clients at the very end would leave the total short: the last company gets the missing contacts.
    const missing = contactTarget - contactTotal;
    if (clientTotal === options.clients && missing > 0 && lastCompany) {
      await Promise.all(inFlight); // the last company may be in a batch still being written
      const company: ClientRow = lastCompany;
      let extra: GeneratedContact[] = [];
      while (extra.length === 0) extra = generateClient(random, serial, missing).contacts;
      for (const [i, c] of extra.slice(0, missing).entries()) {
        contactRows.push(
          contactRowOf(company, {
            ...c,
            email: c.email.replace('@', `.extra${i}@`),
            isPrimary: false,
            isSigningPerson: false,
          }),
        );
        contactTotal += 1;
      }
    }
    // The next batch is generated while the database writes this one (pays off when it is another process).
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    const write: Promise<void> = insertBatch(clientRows, contactRows).finally(() => inFlight.delete(write));
    inFlight.add(write);
    if (clientTotal >= nextReport * options.clients) {
      const seconds = (performance.now() - started) / 1000;
      options.progress?.(
        `  ${clientTotal.toLocaleString('en')} clients, ${contactTotal.toLocaleString('en')} contacts (${seconds.toFixed(1)} s)`,
      );
      nextReport += 0.1;
    }
  }
  await Promise.all(inFlight);
  return { clients: clientTotal, contacts: contactTotal, ms: performance.now() - started };
};
