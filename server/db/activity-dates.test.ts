import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.js';
import { openTestDatabase } from '../test/database.js';

/** Migration 0007 keeps `last_activity_at` / `next_activity_at` of cases and leads right on every activity write. */
describe('activity dates of cases and leads', () => {
  let database: DatabaseHandle;
  const ids = { owner: '', client: '', case: '', lead: '' };
  const one = async (query: ReturnType<typeof sql>): Promise<Record<string, unknown>> => {
    const result = (await database.db.execute(query)) as { rows?: Record<string, unknown>[] };
    return (result.rows ?? (result as unknown as Record<string, unknown>[]))[0]!;
  };
  const dates = async (table: 'cases' | 'leads', id: string) => {
    const row = await one(sql`select last_activity_at, next_activity_at from ${sql.raw(table)} where id = ${id}`);
    const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
    return { last: iso(row.last_activity_at), next: iso(row.next_activity_at) };
  };
  const addActivity = async (values: { status: string; startAt: string; completedAt?: string; caseId?: string; leadId?: string }) =>
    (
      await one(sql`insert into activities (owner_id, kind, subject, start_at, due_at, status, completed_at, case_id, lead_id)
        values (${ids.owner}, 'task', 'Call back', ${values.startAt}, ${values.startAt}, ${values.status},
                ${values.completedAt ?? null}, ${values.caseId ?? null}, ${values.leadId ?? null}) returning id`)
    ).id as string;

  beforeAll(async () => {
    database = await openTestDatabase();
    ids.owner = (await one(sql`insert into owners (name, country) values ('Test owner', 'SK') returning id`)).id as string;
    ids.client = (
      await one(sql`insert into clients (owner_id, kind, name, country, relationship_type, search_text)
        values (${ids.owner}, 'company', 'Dates s.r.o.', 'SK', 'customer', 'dates') returning id`)
    ).id as string;
    ids.case = (
      await one(sql`insert into cases (owner_id, client_id, name, type, commodity, search_text)
        values (${ids.owner}, ${ids.client}, 'Supply 2027', 'acquisition', 'electricity', 'supply') returning id`)
    ).id as string;
    ids.lead = (
      await one(sql`insert into leads (owner_id, name, country, search_text) values (${ids.owner}, 'Lead a.s.', 'SK', 'lead') returning id`)
    ).id as string;
  });
  afterAll(async () => database.close());

  it('are empty without activities', async () => {
    expect(await dates('cases', ids.case)).toEqual({ last: null, next: null });
  });

  it('follow inserts, completion, moves between records and archiving', async () => {
    const done = await addActivity({
      status: 'done',
      startAt: '2026-11-02T09:00:00Z',
      completedAt: '2026-11-03T10:00:00Z',
      caseId: ids.case,
    });
    const early = await addActivity({ status: 'open', startAt: '2026-11-25T09:00:00Z', caseId: ids.case });
    await addActivity({ status: 'open', startAt: '2026-12-01T09:00:00Z', caseId: ids.case });
    expect(await dates('cases', ids.case)).toEqual({ last: '2026-11-03T10:00:00.000Z', next: '2026-11-25T09:00:00.000Z' });

    await database.db.execute(
      sql`update activities set status = 'done', completed_at = '2026-11-24T08:00:00Z' where id = ${early}`,
    );
    expect(await dates('cases', ids.case)).toEqual({ last: '2026-11-24T08:00:00.000Z', next: '2026-12-01T09:00:00.000Z' });

    // Moved from the case to the lead: both records change.
    await database.db.execute(sql`update activities set case_id = null, lead_id = ${ids.lead} where id = ${early}`);
    expect(await dates('cases', ids.case)).toEqual({ last: '2026-11-03T10:00:00.000Z', next: '2026-12-01T09:00:00.000Z' });
    expect(await dates('leads', ids.lead)).toEqual({ last: '2026-11-24T08:00:00.000Z', next: null });

    await database.db.execute(sql`update activities set archived_at = now() where id = ${done}`);
    expect((await dates('cases', ids.case)).last).toBeNull();
  });
});
