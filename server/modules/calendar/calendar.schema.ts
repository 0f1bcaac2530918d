import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import { owners } from '../owners/owners.schema.js';
import { teams } from '../teams/teams.schema.js';
import { users } from '../users/users.schema.js';

/**
 * An event of the shared team calendar (SALES-8): from a meeting action (linked to its activity) or entered by
 * hand. Visibility is the event's own, like a client's.
 */
export const calendarEvents = pgTable(
  'calendar_events',
  {
    id: primaryId(),
    ownerId: uuid()
      .notNull()
      .references(() => owners.id),
    teamId: uuid().references(() => teams.id),
    responsibleUserId: uuid(),
    title: varchar({ length: 200 }).notNull(),
    description: text(),
    location: varchar({ length: 200 }),
    startAt: timestamp({ withTimezone: true }).notNull(),
    endAt: timestamp({ withTimezone: true }).notNull(),
    allDay: boolean().notNull().default(false),
    /** The meeting activity this event belongs to; one event per activity. */
    activityId: uuid(),
    clientId: uuid(),
    caseId: uuid(),
    leadId: uuid(),
    archivedAt: timestamp({ withTimezone: true }),
    ...auditColumns(),
  },
  (t) => [
    uniqueIndex().on(t.activityId),
    index().on(t.teamId, t.startAt),
    index().on(t.ownerId, t.startAt),
    index().on(t.responsibleUserId, t.startAt),
  ],
);

/** A user's iCalendar feed: the URL carries a secret token; only its hash is stored. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id),
  tokenHash: varchar({ length: 128 }).notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp({ withTimezone: true }),
});
