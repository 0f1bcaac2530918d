import { z } from 'zod';
import { Id, OptionalText, Version } from '../../../domain/schemas/common.js';
import { isTimeZone } from '../../../domain/activities/days.js';

export const queueChannels = ['phone', 'field'] as const;
export const queueRecordTypes = ['lead', 'case'] as const;
export const queueOutcomes = ['reached', 'notReached', 'callBack', 'meetingAgreed', 'notInterested', 'visited'] as const;

const Code = z.string().trim().min(1).max(40);

const ruleFields = {
  name: z.string().trim().min(1).max(120),
  channel: z.enum(queueChannels),
  teamId: Id.describe('Whose members work the queue'),
  recordTypes: z.array(z.enum(queueRecordTypes)).min(1).max(2),
  territoryCodes: z.array(Code).max(50).describe('Code list distributionTerritory; empty takes every territory'),
  maxPriority: z.number().int().min(1).max(5).describe('Takes items of priority 1 (highest) up to this'),
  dailyCapacity: z.number().int().min(1).max(500).describe('Calls or visits a user takes from this rule a day'),
  position: z.number().int().min(0).max(1000).describe('Rules are tried in this order; the first that takes an item keeps it'),
  isActive: z.boolean(),
};

export const QueueRuleCreateBody = z.strictObject({
  ...ruleFields,
  recordTypes: ruleFields.recordTypes.default(['lead', 'case']),
  territoryCodes: ruleFields.territoryCodes.default([]),
  maxPriority: ruleFields.maxPriority.default(5),
  dailyCapacity: ruleFields.dailyCapacity.default(30),
  position: ruleFields.position.default(0),
  isActive: ruleFields.isActive.default(true),
});
export type QueueRuleCreateBody = z.infer<typeof QueueRuleCreateBody>;

export const QueueRuleUpdateBody = z.strictObject(ruleFields).partial().extend({ version: Version });
export type QueueRuleUpdateBody = z.infer<typeof QueueRuleUpdateBody>;

export const QueueRuleResponse = z.object({
  id: Id,
  ownerId: Id,
  ...ruleFields,
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type QueueRuleResponse = z.infer<typeof QueueRuleResponse>;

export const QueueRuleList = z.object({ items: z.array(QueueRuleResponse) });

const TimeZone = z.string().refine(isTimeZone, { message: 'Not an IANA time zone' });
const IsoDate = z.iso.date();

export const CallListQuery = z.object({
  date: IsoDate.optional().describe("The day (default today in the time zone)"),
  timeZone: TimeZone.optional().describe('IANA zone of the working day; default Europe/Bratislava'),
});
export type CallListQuery = z.infer<typeof CallListQuery>;

export const VisitScheduleQuery = z.object({
  from: IsoDate.optional().describe('First day (default today)'),
  days: z.coerce.number().int().min(1).max(14).default(5).describe('Working days (Monday to Friday) to plan'),
  timeZone: TimeZone.optional(),
});
export type VisitScheduleQuery = z.infer<typeof VisitScheduleQuery>;

export const QueueItem = z.object({
  recordType: z.enum(queueRecordTypes),
  id: Id,
  name: z.string(),
  clientId: Id.nullable(),
  clientName: z.string().nullable(),
  phone: z.string().nullable().describe('Leads: the lead’s phone; cases: none (see the client card)'),
  city: z.string().nullable(),
  priority: z.number().int(),
  nextActivityAt: z.date().nullable(),
  territoryCode: z.string().nullable(),
  ruleId: Id,
  ruleName: z.string(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const CallList = z.object({
  date: z.string(),
  timeZone: z.string(),
  rules: z.number().int().describe('Active phone rules of your teams; 0 means nothing is queued for you'),
  items: z.array(QueueItem),
});
export const VisitSchedule = z.object({
  timeZone: z.string(),
  rules: z.number().int(),
  days: z.array(z.object({ date: z.string(), visits: z.array(QueueItem) })),
});

export const QueueOutcomeBody = z
  .strictObject({
    recordType: z.enum(queueRecordTypes),
    id: Id,
    channel: z.enum(queueChannels),
    outcome: z.enum(queueOutcomes),
    note: OptionalText(4000),
    nextActivityAt: z.iso.datetime({ offset: true }).optional().describe('Plans the follow-up (required for callBack and meetingAgreed)'),
    nextKind: z.enum(['call', 'meeting', 'visit', 'task']).optional().describe('Kind of the follow-up; default call by phone, visit in the field, meeting for meetingAgreed'),
  })
  .describe('Logs a call or visit from the queue as a done activity, and plans the follow-up, in one step');
export type QueueOutcomeBody = z.infer<typeof QueueOutcomeBody>;

export const QueueOutcomeResponse = z.object({ loggedActivityId: Id, nextActivityId: Id.nullable() });
