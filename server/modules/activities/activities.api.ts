import { z } from 'zod';
import { isTimeZone } from '../../../domain/activities/days.js';
import { Email, Id, Limit, OptionalText, Page, sortParam, Version } from '../../../domain/schemas/common.js';
import { ExportLanguage } from '../../http/export.js';
import { activityKinds, activityStatuses } from './activities.schema.js';

/** An instant with its offset, e.g. 2026-11-20T09:00:00+01:00 or …Z; stored as a timestamp with time zone. */
export const DateTime = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time with offset, e.g. 2026-11-20T09:00:00+01:00');

export const ActivityKind = z.enum(activityKinds);
export const ActivityStatus = z.enum(activityStatuses);

const activityFields = {
  kind: ActivityKind.describe('task, call, meeting, email or visit; a meeting also stands in the team calendar'),
  subject: z.string().trim().min(1).max(200),
  description: OptionalText(4000),
  location: OptionalText(200),
  startAt: DateTime,
  dueAt: DateTime.describe('Not before startAt; for a meeting, when it ends'),
  responsibleUserId: Id.nullish().describe('Defaults to the caller; the activity belongs to this user’s first team'),
  clientId: Id.nullish(),
  caseId: Id.nullish(),
  leadId: Id.nullish(),
  outcome: OptionalText(40).describe('What came of it, e.g. reached, noAnswer, callBack, fieldFilled'),
  outcomeNote: OptionalText(4000),
};

export const ActivityCreateBody = z.strictObject({
  ...activityFields,
  status: z.enum(['open', 'done']).default('open').describe('done records an activity that already happened (completedAt = now)'),
  fieldKey: OptionalText(60).describe('A stage task asking for this case field; it closes itself when the field is filled'),
  processStageTaskId: Id.nullish(),
  departmentEmail: Email.nullish().describe('A task for another department: e-mailed there once saved'),
});
export type ActivityCreateBody = z.input<typeof ActivityCreateBody>;

/** What `createActivity` takes (other modules call it with this shape; `status` defaults to open). */
export type ActivityInput = {
  kind: (typeof activityKinds)[number];
  subject: string;
  description?: string | null | undefined;
  location?: string | null | undefined;
  startAt: string;
  dueAt: string;
  responsibleUserId?: string | null | undefined;
  clientId?: string | null | undefined;
  caseId?: string | null | undefined;
  leadId?: string | null | undefined;
  status?: 'open' | 'done' | undefined;
  outcome?: string | null | undefined;
  outcomeNote?: string | null | undefined;
  fieldKey?: string | null | undefined;
  processStageTaskId?: string | null | undefined;
  departmentEmail?: string | null | undefined;
};

export const ActivityUpdateBody = z.strictObject(activityFields).partial().extend({ version: Version });
export type ActivityUpdateBody = z.infer<typeof ActivityUpdateBody>;

export const ActivityCompleteBody = z.strictObject({
  version: Version,
  outcome: OptionalText(40),
  outcomeNote: OptionalText(4000),
});
export type ActivityCompleteBody = z.infer<typeof ActivityCompleteBody>;

export const ActivityCancelBody = z.strictObject({ version: Version, outcomeNote: OptionalText(4000) });
export type ActivityCancelBody = z.infer<typeof ActivityCancelBody>;

export const VersionBody = z.strictObject({ version: Version });

export const activitySortFields = ['startAt', 'dueAt', 'subject', 'kind', 'status', 'updatedAt'] as const;

const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ActivityListQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Words of the subject'),
  kind: ActivityKind.optional(),
  status: ActivityStatus.optional(),
  responsibleUserId: Id.optional(),
  clientId: Id.optional(),
  caseId: Id.optional(),
  leadId: Id.optional(),
  dueFrom: DateTime.optional().describe('Due at or after this instant'),
  dueTo: DateTime.optional().describe('Due before this instant'),
  overdue: Bool.optional().describe('true: open and due before now; false: not overdue'),
  archived: z.enum(['false', 'true', 'all']).default('false'),
  sort: sortParam(activitySortFields, 'dueAt'),
  limit: Limit,
  cursor: z.string().max(500).optional(),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
export type ActivityFilter = Omit<ActivityListQuery, 'limit' | 'cursor'>;

export const TimeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: 'Not an IANA time zone', params: { rule: 'invalid_time_zone' } })
  .describe('IANA time zone, e.g. Europe/Bratislava (the default)');

export const ActivityExportQuery = ActivityListQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  language: ExportLanguage,
  timeZone: TimeZone.optional().describe('Dates and times are written in this zone; Europe/Bratislava by default'),
});

export const MyDayQuery = z.object({
  timeZone: TimeZone.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(50)
    .describe('Most items per section (overdue, today); the counts say how many there are in all'),
});
export type MyDayQuery = z.infer<typeof MyDayQuery>;

const Link = z.object({ id: Id, name: z.string().nullable().describe('null when the record is outside your rights') });

export const ActivityResponse = z.object({
  id: Id,
  ownerId: Id,
  teamId: Id.nullable(),
  responsibleUserId: Id.nullable(),
  kind: ActivityKind,
  subject: z.string(),
  description: z.string().nullable(),
  location: z.string().nullable(),
  startAt: z.date(),
  dueAt: z.date(),
  status: ActivityStatus,
  completedAt: z.date().nullable(),
  outcome: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  clientId: Id.nullable(),
  caseId: Id.nullable(),
  leadId: Id.nullable(),
  fieldKey: z.string().nullable(),
  processStageTaskId: Id.nullable(),
  departmentEmail: z.string().nullable(),
  emailedAt: z.date().nullable(),
  archivedAt: z.date().nullable(),
  /** Open and due before now. */
  isOverdue: z.boolean(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  createdBy: Id.nullable(),
  updatedBy: Id.nullable(),
});
export type ActivityDetail = z.infer<typeof ActivityResponse>;

/** An activity with the names of what it links to, as lists and "my day" show it. */
export const ActivityListItem = ActivityResponse.extend({
  responsibleUser: Link.nullable(),
  client: Link.nullable(),
  case: Link.nullable(),
  lead: Link.nullable(),
});
export type ActivityListItem = z.infer<typeof ActivityListItem>;

export const ActivityPage = Page(ActivityListItem);

export const MyDayResponse = z.object({
  date: z.string().describe('Today in the time zone, YYYY-MM-DD'),
  timeZone: z.string(),
  overdue: z.array(ActivityListItem).describe('Open, due before today began, oldest first'),
  overdueCount: z.number().int().describe('All overdue ones, also beyond the limit'),
  today: z.array(ActivityListItem).describe('Open, due today, earliest first'),
  todayCount: z.number().int(),
});
export type MyDayResponse = z.infer<typeof MyDayResponse>;
