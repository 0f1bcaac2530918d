import { index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import { owners } from '../owners/owners.schema.js';
import { teams } from '../teams/teams.schema.js';

export const activityKinds = ['task', 'call', 'meeting', 'email', 'visit'] as const;
export const activityStatuses = ['open', 'done', 'cancelled'] as const;

/**
 * An activity (SALES-5): a task, call, meeting, e-mail or visit with a start and a due date, a responsible user
 * and links to a client, a case and/or a lead. Visibility is the activity's own, like a client's.
 */
export const activities = pgTable(
  'activities',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    teamId: uuid().references(() => teams.id),
    responsibleUserId: uuid(),
    kind: varchar({ length: 8, enum: activityKinds }).notNull(),
    subject: varchar({ length: 200 }).notNull(),
    description: text(),
    location: varchar({ length: 200 }),
    startAt: timestamp({ withTimezone: true }).notNull(),
    /** Never before `startAt`. */
    dueAt: timestamp({ withTimezone: true }).notNull(),
    status: varchar({ length: 10, enum: activityStatuses }).notNull().default('open'),
    completedAt: timestamp({ withTimezone: true }),
    /** What came of a call or visit, e.g. logged from a work queue. */
    outcome: varchar({ length: 40 }),
    outcomeNote: text(),
    clientId: uuid(),
    caseId: uuid(),
    leadId: uuid(),
    /** A stage task that asks for this case field; it closes itself when the field is filled (SALES-6). */
    fieldKey: varchar({ length: 60 }),
    processStageTaskId: uuid(),
    /** A task for another department: e-mailed there, `emailedAt` once the mail went out. */
    departmentEmail: varchar({ length: 254 }),
    emailedAt: timestamp({ withTimezone: true }),
    archivedAt: timestamp({ withTimezone: true }),
    ...auditColumns(),
  },
  (t) => [
    index().on(t.responsibleUserId, t.status, t.dueAt),
    index().on(t.ownerId, t.status, t.dueAt),
    index().on(t.teamId, t.status, t.dueAt),
    index().on(t.caseId, t.startAt),
    index().on(t.leadId, t.startAt),
    index().on(t.clientId, t.startAt),
  ],
);
