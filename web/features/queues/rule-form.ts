// The work-queue rule form as pure functions: its values from a rule, the checks the server makes, the request body.
import type { QueueChannel, QueueRecordType, QueueRule, QueueRuleInput } from './api.js';

export type RuleValues = {
  name: string;
  channel: QueueChannel;
  teamId: string | null;
  recordTypes: QueueRecordType[];
  territoryCodes: string[];
  /** NumberInput values: a number, or '' (or text) while being typed. */
  maxPriority: number | string;
  dailyCapacity: number | string;
  position: number | string;
  isActive: boolean;
};

export const ruleFields = [
  'name',
  'channel',
  'teamId',
  'recordTypes',
  'territoryCodes',
  'maxPriority',
  'dailyCapacity',
  'position',
  'isActive',
] as const;
export type RuleField = (typeof ruleFields)[number];

/** The server's limits (queues.api.ts). */
export const ruleLimits = {
  nameMaxLength: 120,
  territoryCodes: 50,
  maxPriority: { min: 1, max: 5 },
  dailyCapacity: { min: 1, max: 500 },
  position: { min: 0, max: 1000 },
} as const;

/** A field's problem: a rule code (`validation.<code>` or `queues.validation.<code>`) and its placeholders. */
export type RuleProblem = { code: string; params?: Record<string, number> };

/** A new rule is tried after the existing ones. */
export const nextPosition = (rules: readonly Pick<QueueRule, 'position'>[]): number =>
  Math.min(
    ruleLimits.position.max,
    rules.reduce((max, rule) => Math.max(max, rule.position + 10), 0),
  );

export const ruleValues = (rule: QueueRule | null, position = 0): RuleValues =>
  rule
    ? {
        name: rule.name,
        channel: rule.channel,
        teamId: rule.teamId,
        recordTypes: [...rule.recordTypes],
        territoryCodes: [...rule.territoryCodes],
        maxPriority: rule.maxPriority,
        dailyCapacity: rule.dailyCapacity,
        position: rule.position,
        isActive: rule.isActive,
      }
    : {
        name: '',
        channel: 'phone',
        teamId: null,
        recordTypes: ['lead', 'case'],
        territoryCodes: [],
        maxPriority: 5,
        dailyCapacity: 30,
        position,
        isActive: true,
      };

const wholeNumber = (value: number | string): number | null => {
  const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  return Number.isInteger(n) ? n : null;
};

const inRange = (value: number | string, range: { min: number; max: number }): RuleProblem | null => {
  const n = wholeNumber(value);
  return n !== null && n >= range.min && n <= range.max ? null : { code: 'range', params: { ...range } };
};

/** The checks the server makes, by field, so the form shows them before sending. */
export const checkRule = (values: RuleValues): Partial<Record<RuleField, RuleProblem>> => {
  const problems: Partial<Record<RuleField, RuleProblem>> = {};
  const name = values.name.trim();
  if (name === '') problems.name = { code: 'required' };
  else if (name.length > ruleLimits.nameMaxLength) problems.name = { code: 'too_big' };
  if (!values.teamId) problems.teamId = { code: 'required' };
  if (values.recordTypes.length === 0) problems.recordTypes = { code: 'pick_record_type' };
  if (values.territoryCodes.length > ruleLimits.territoryCodes) problems.territoryCodes = { code: 'too_big' };
  for (const field of ['maxPriority', 'dailyCapacity', 'position'] as const) {
    const problem = inRange(values[field], ruleLimits[field]);
    if (problem) problems[field] = problem;
  }
  return problems;
};

/** The body of a create or a change; call only when `checkRule` found nothing. */
export const toRuleBody = (values: RuleValues): QueueRuleInput => ({
  name: values.name.trim(),
  channel: values.channel,
  teamId: values.teamId ?? '',
  // In the order the API lists them, whatever order they were ticked in.
  recordTypes: (['lead', 'case'] as const).filter((type) => values.recordTypes.includes(type)),
  territoryCodes: [...new Set(values.territoryCodes)],
  maxPriority: Number(values.maxPriority),
  dailyCapacity: Number(values.dailyCapacity),
  position: Number(values.position),
  isActive: values.isActive,
});

/** Saving these values switches an active rule off: ask first, its users lose those calls or visits. */
export const deactivates = (rule: QueueRule | null, values: Pick<RuleValues, 'isActive'>): boolean =>
  rule !== null && rule.isActive && !values.isActive;

/** The form field a server problem belongs to (`territoryCodes.3` → `territoryCodes`); null when none shows it. */
export const fieldOfPath = (path: string): RuleField | null => {
  const head = path.split('.')[0] ?? '';
  return (ruleFields as readonly string[]).includes(head) ? (head as RuleField) : null;
};
