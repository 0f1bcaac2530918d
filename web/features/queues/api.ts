import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ItemList } from '../../api/client.js';

// The shapes of server/modules/queues/queues.api.ts as they travel (dates as ISO strings).

export const queueChannels = ['phone', 'field'] as const;
export type QueueChannel = (typeof queueChannels)[number];
export const queueRecordTypes = ['lead', 'case'] as const;
export type QueueRecordType = (typeof queueRecordTypes)[number];
export const queueOutcomes = [
  'reached',
  'notReached',
  'callBack',
  'meetingAgreed',
  'notInterested',
  'visited',
] as const;
export type QueueOutcome = (typeof queueOutcomes)[number];
export const followUpKinds = ['call', 'meeting', 'visit', 'task'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

export type QueueItem = {
  recordType: QueueRecordType;
  id: string;
  name: string;
  clientId: string | null;
  clientName: string | null;
  /** Leads only: a case's phone is on its client's card. */
  phone: string | null;
  city: string | null;
  /** 1 (highest) … 5. */
  priority: number;
  nextActivityAt: string | null;
  territoryCode: string | null;
  ruleId: string;
  ruleName: string;
};

export type CallList = {
  date: string;
  timeZone: string;
  /** Active phone rules of the caller's teams; 0 means nothing is queued for them. */
  rules: number;
  items: QueueItem[];
};

export type VisitSchedule = {
  timeZone: string;
  rules: number;
  /** Working days in order; each day's visits grouped by territory. */
  days: { date: string; visits: QueueItem[] }[];
};

export type OutcomeBody = {
  recordType: QueueRecordType;
  id: string;
  channel: QueueChannel;
  outcome: QueueOutcome;
  note?: string;
  /** ISO instant; required for callBack and meetingAgreed, after now. */
  nextActivityAt?: string;
  nextKind?: FollowUpKind;
};
export type OutcomeResult = { loggedActivityId: string; nextActivityId: string | null };

export type QueueRule = {
  id: string;
  ownerId: string;
  name: string;
  channel: QueueChannel;
  teamId: string;
  recordTypes: QueueRecordType[];
  territoryCodes: string[];
  maxPriority: number;
  dailyCapacity: number;
  position: number;
  isActive: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type QueueRuleInput = Pick<
  QueueRule,
  | 'name'
  | 'channel'
  | 'teamId'
  | 'recordTypes'
  | 'territoryCodes'
  | 'maxPriority'
  | 'dailyCapacity'
  | 'position'
  | 'isActive'
>;

export const queueKeys = {
  all: ['queues'] as const,
  calls: (date: string | null, timeZone: string) => [...queueKeys.all, 'calls', date, timeZone] as const,
  visits: (from: string | null, timeZone: string) => [...queueKeys.all, 'visits', from, timeZone] as const,
  rules: ['queueRules'] as const,
};

/** The call list of a day (today when `date` is null) in the user's time zone. */
export const useCallList = (date: string | null, timeZone: string) =>
  useQuery({
    queryKey: queueKeys.calls(date, timeZone),
    queryFn: ({ signal }) => api.get<CallList>('/queues/calls', { date, timeZone }, signal),
  });

/** The visit schedule over the next five working days from `from` (today when null). */
export const useVisitSchedule = (from: string | null, timeZone: string) =>
  useQuery({
    queryKey: queueKeys.visits(from, timeZone),
    queryFn: ({ signal }) => api.get<VisitSchedule>('/queues/visits', { from, days: 5, timeZone }, signal),
  });

/**
 * Logs a call or visit and plans its follow-up. Afterwards the queues are planned again (the item leaves the day
 * when its follow-up is later) and whatever shows activities or last/next activity dates reloads.
 */
export const useLogOutcome = (options: { onSuccess?: (result: OutcomeResult) => void } = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OutcomeBody) => api.post<OutcomeResult>('/queues/outcomes', body),
    onSuccess: async (result) => {
      await Promise.all(
        [queueKeys.all, ['cases'], ['leads'], ['activities'], ['calendar']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
      options.onSuccess?.(result);
    },
  });
};

export const useQueueRules = () =>
  useQuery({
    queryKey: queueKeys.rules,
    queryFn: ({ signal }) => api.get<ItemList<QueueRule>>('/queue-rules', undefined, signal),
    select: (page) => page.items,
  });

/** Creates a rule, or changes one (sending the version it was read at); the queues are planned again after. */
export const useSaveQueueRule = (
  rule: QueueRule | null,
  options: { onSuccess?: (saved: QueueRule) => void } = {},
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<QueueRuleInput>) =>
      rule
        ? api.patch<QueueRule>(`/queue-rules/${rule.id}`, { ...body, version: rule.version })
        : api.post<QueueRule>('/queue-rules', body),
    onSuccess: async (saved) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queueKeys.rules }),
        queryClient.invalidateQueries({ queryKey: queueKeys.all }),
      ]);
      options.onSuccess?.(saved);
    },
  });
};
