import { z } from 'zod';
import { Id, OptionalText, Version } from '../../../domain/schemas/common.js';
import { DateTime } from '../activities/activities.api.js';

/** The longest range one calendar read covers: a month view with the neighbouring weeks fits. */
export const maxRangeDays = 62;

const eventFields = {
  title: z.string().trim().min(1).max(200),
  startAt: DateTime,
  endAt: DateTime.describe('Not before startAt; for an all-day event, the start of the day after the last day'),
  allDay: z.boolean(),
  location: OptionalText(200),
  description: OptionalText(4000),
  responsibleUserId: Id.nullish().describe('Whose event; defaults to the caller. The event belongs to this user’s first team'),
  clientId: Id.nullish(),
  caseId: Id.nullish(),
  leadId: Id.nullish(),
};

export const EventCreateBody = z.strictObject({
  ...eventFields,
  allDay: eventFields.allDay.default(false),
  activityId: Id.nullish().describe('The activity this event belongs to (one event per activity)'),
});
export type EventCreateBody = z.input<typeof EventCreateBody>;

/** What `createEvent` takes (other modules call it with this shape). */
export type EventInput = {
  title: string;
  startAt: string | Date;
  endAt: string | Date;
  allDay?: boolean | undefined;
  location?: string | null | undefined;
  description?: string | null | undefined;
  activityId?: string | null | undefined;
  clientId?: string | null | undefined;
  caseId?: string | null | undefined;
  leadId?: string | null | undefined;
  responsibleUserId?: string | null | undefined;
};

export const EventUpdateBody = z.strictObject(eventFields).partial().extend({ version: Version });
export type EventUpdateBody = z.infer<typeof EventUpdateBody>;

export const VersionBody = z.strictObject({ version: Version });

export const EventRangeQuery = z.object({
  from: DateTime.describe('Events that end after this instant'),
  to: DateTime.describe(`Events that start before this instant; at most ${maxRangeDays} days after from`),
  teamId: Id.optional().describe('Only this team’s events'),
  userId: Id.optional().describe('Only the events this user is responsible for'),
});
export type EventRangeQuery = z.infer<typeof EventRangeQuery>;

const Link = z.object({ id: Id, name: z.string().nullable() });

export const EventResponse = z.object({
  id: Id,
  ownerId: Id,
  teamId: Id.nullable(),
  responsibleUserId: Id.nullable(),
  title: z.string(),
  description: z.string().nullable(),
  location: z.string().nullable(),
  startAt: z.date(),
  endAt: z.date(),
  allDay: z.boolean(),
  activityId: Id.nullable().describe('Set for a meeting’s event: change it through the activity'),
  clientId: Id.nullable(),
  caseId: Id.nullable(),
  leadId: Id.nullable(),
  archivedAt: z.date().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  createdBy: Id.nullable(),
  updatedBy: Id.nullable(),
});
export type EventDetail = z.infer<typeof EventResponse>;

export const EventListItem = EventResponse.extend({ responsibleUser: Link.nullable() });
export type EventListItem = z.infer<typeof EventListItem>;

export const EventRange = z.object({
  items: z.array(EventListItem),
  truncated: z.boolean().describe('More events than one read returns; narrow the range or filter by team or user'),
});

export const FeedCreated = z.object({
  url: z.string().describe('The secret feed URL; shown once, store it in the calendar application'),
  webcalUrl: z.string().describe('The same URL with the webcal scheme, which opens the calendar application'),
  createdAt: z.date(),
});

export const FeedStatus = z.object({
  active: z.boolean(),
  createdAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
});
