import { describe, expect, it } from 'vitest';
import { isDue, planDay, planVisits, queueOrder, ruleFor, type QueueCandidate, type QueueRule } from './work-queue.js';

const at = (iso: string) => new Date(iso);
const item = (over: Partial<QueueCandidate> & { id: string }): QueueCandidate => ({
  recordType: 'case',
  name: over.id,
  priority: 3,
  nextActivityAt: null,
  territoryCode: 'sk-zsd',
  ...over,
});
const rule = (over: Partial<QueueRule> & { id: string }): QueueRule => ({
  name: over.id,
  channel: 'phone',
  recordTypes: ['lead', 'case'],
  territoryCodes: [],
  maxPriority: 5,
  dailyCapacity: 10,
  position: 0,
  ...over,
});
const dayEnd = at('2026-11-23T23:00:00Z');

describe('ruleFor', () => {
  const rules = [
    rule({ id: 'west-urgent', territoryCodes: ['sk-zsd'], maxPriority: 2, position: 1 }),
    rule({ id: 'leads-only', recordTypes: ['lead'], position: 2 }),
    rule({ id: 'field', channel: 'field', position: 0 }),
    rule({ id: 'rest', position: 3 }),
  ];
  it.each([
    ['a priority-1 case in the west', item({ id: 'a', priority: 1 }), 'phone', 'west-urgent'],
    ['a priority-3 case in the west falls through to the catch-all', item({ id: 'b' }), 'phone', 'rest'],
    ['a lead goes to the first rule that takes leads', item({ id: 'c', recordType: 'lead', priority: 4 }), 'phone', 'leads-only'],
    ['an item without territory never matches a territory rule', item({ id: 'd', priority: 1, territoryCode: null }), 'phone', 'rest'],
    ['the field channel has its own rules', item({ id: 'e' }), 'field', 'field'],
  ] as const)('%s', (_, candidate, channel, expected) => {
    expect(ruleFor(rules, candidate, channel)?.id).toBe(expected);
  });

  it('takes nothing that no rule of the channel accepts', () => {
    expect(ruleFor([rule({ id: 'x', maxPriority: 2 })], item({ id: 'f', priority: 3 }), 'phone')).toBeNull();
  });
});

describe('isDue and queueOrder', () => {
  it.each([
    ['nothing planned', null, true],
    ['planned yesterday (overdue)', '2026-11-22T09:00:00Z', true],
    ['planned today', '2026-11-23T15:00:00Z', true],
    ['planned tomorrow', '2026-11-24T08:00:00Z', false],
  ])('%s → due %s', (_, next, due) => {
    expect(isDue(item({ id: 'x', nextActivityAt: next ? at(next) : null }), dayEnd)).toBe(due);
  });

  it('orders by priority, then the longest overdue, then never contacted, then name', () => {
    const list = [
      item({ id: 'never', name: 'B', priority: 2 }),
      item({ id: 'today', name: 'Z', priority: 2, nextActivityAt: at('2026-11-23T10:00:00Z') }),
      item({ id: 'old', name: 'Y', priority: 2, nextActivityAt: at('2026-11-01T10:00:00Z') }),
      item({ id: 'never-a', name: 'A', priority: 2 }),
      item({ id: 'low', name: 'A', priority: 4, nextActivityAt: at('2026-10-01T10:00:00Z') }),
      item({ id: 'top', name: 'Q', priority: 1 }),
    ];
    expect([...list].sort(queueOrder).map((i) => i.id)).toEqual(['top', 'old', 'today', 'never-a', 'never', 'low']);
  });
});

describe('planDay', () => {
  it('leaves out what is not due, caps each rule at its daily capacity and names the rule', () => {
    const rules = [rule({ id: 'west', territoryCodes: ['sk-zsd'], dailyCapacity: 2, position: 0 }), rule({ id: 'rest', dailyCapacity: 1, position: 1 })];
    const plan = planDay(
      [
        item({ id: 'w1', priority: 1 }),
        item({ id: 'w2', priority: 2 }),
        item({ id: 'w3', priority: 3 }),
        item({ id: 'e1', territoryCode: 'sk-vsd', priority: 2 }),
        item({ id: 'e2', territoryCode: 'sk-vsd', priority: 1 }),
        item({ id: 'later', territoryCode: 'sk-vsd', priority: 1, nextActivityAt: at('2026-11-30T08:00:00Z') }),
      ],
      rules,
      'phone',
      dayEnd,
    );
    expect(plan.map((p) => [p.id, p.ruleId])).toEqual([
      ['e2', 'rest'],
      ['w1', 'west'],
      ['w2', 'west'],
    ]);
  });
});

describe('planVisits', () => {
  it('fills days in queue order without repeating a visit and groups each day by territory', () => {
    const rules = [rule({ id: 'field', channel: 'field', dailyCapacity: 3 })];
    const days = [
      { date: '2026-11-23', end: at('2026-11-23T23:00:00Z') },
      { date: '2026-11-24', end: at('2026-11-24T23:00:00Z') },
    ];
    const schedule = planVisits(
      [
        item({ id: 'a', priority: 1, territoryCode: 'sk-zsd' }),
        item({ id: 'b', priority: 1, territoryCode: 'sk-vsd' }),
        item({ id: 'c', priority: 2, territoryCode: 'sk-zsd' }),
        item({ id: 'd', priority: 3, territoryCode: 'sk-vsd' }),
        item({ id: 'tomorrow', priority: 1, territoryCode: 'sk-zsd', nextActivityAt: at('2026-11-24T09:00:00Z') }),
      ],
      rules,
      days,
    );
    expect(schedule.map((d) => [d.date, d.visits.map((v) => v.id)])).toEqual([
      ['2026-11-23', ['a', 'c', 'b']],
      ['2026-11-24', ['tomorrow', 'd']],
    ]);
  });
});
