import { describe, expect, it } from 'vitest';
import type { QueueRule } from './api.js';
import {
  checkRule,
  deactivates,
  fieldOfPath,
  nextPosition,
  ruleValues,
  toRuleBody,
  type RuleValues,
} from './rule-form.js';

const rule: QueueRule = {
  id: 'r1',
  ownerId: 'o1',
  name: 'Západ — telefonicky',
  channel: 'phone',
  teamId: 't1',
  recordTypes: ['case'],
  territoryCodes: ['sk-zsd'],
  maxPriority: 3,
  dailyCapacity: 25,
  position: 10,
  isActive: true,
  version: 4,
  createdAt: '2026-11-01T08:00:00.000Z',
  updatedAt: '2026-11-02T08:00:00.000Z',
};
const valid = (changes: Partial<RuleValues> = {}): RuleValues => ({
  ...ruleValues(null),
  name: 'Nové',
  teamId: 't1',
  ...changes,
});

describe('rule form values', () => {
  it('starts a new rule with the server’s defaults, after the existing rules', () => {
    expect(ruleValues(null, nextPosition([{ position: 0 }, { position: 25 }]))).toEqual({
      name: '',
      channel: 'phone',
      teamId: null,
      recordTypes: ['lead', 'case'],
      territoryCodes: [],
      maxPriority: 5,
      dailyCapacity: 30,
      position: 35,
      isActive: true,
    });
    expect(nextPosition([])).toBe(0);
    expect(nextPosition([{ position: 995 }])).toBe(1000);
  });

  it('edits a rule as it is, and sends it back unchanged', () => {
    const { id: _id, ownerId: _owner, version: _version, createdAt: _c, updatedAt: _u, ...input } = rule;
    expect(toRuleBody(ruleValues(rule))).toEqual(input);
  });

  it('trims the name, orders record types and numbers typed as text', () => {
    expect(
      toRuleBody(
        valid({
          name: '  Východ  ',
          recordTypes: ['case', 'lead'],
          territoryCodes: ['sk-vsd', 'sk-vsd'],
          dailyCapacity: '12',
          position: '3',
        }),
      ),
    ).toMatchObject({
      name: 'Východ',
      recordTypes: ['lead', 'case'],
      territoryCodes: ['sk-vsd'],
      dailyCapacity: 12,
      position: 3,
    });
  });
});

describe('rule checks (as queues.api.ts validates)', () => {
  it.each<[string, Partial<RuleValues>, Record<string, unknown>]>([
    ['valid', {}, {}],
    ['no name', { name: '   ' }, { name: { code: 'required' } }],
    ['a name over 120 characters', { name: 'x'.repeat(121) }, { name: { code: 'too_big' } }],
    ['no team', { teamId: null }, { teamId: { code: 'required' } }],
    ['no record type', { recordTypes: [] }, { recordTypes: { code: 'pick_record_type' } }],
    ['priority 0', { maxPriority: 0 }, { maxPriority: { code: 'range', params: { min: 1, max: 5 } } }],
    ['priority 6', { maxPriority: 6 }, { maxPriority: { code: 'range', params: { min: 1, max: 5 } } }],
    [
      'capacity empty',
      { dailyCapacity: '' },
      { dailyCapacity: { code: 'range', params: { min: 1, max: 500 } } },
    ],
    [
      'capacity 2.5',
      { dailyCapacity: 2.5 },
      { dailyCapacity: { code: 'range', params: { min: 1, max: 500 } } },
    ],
    [
      'capacity 501',
      { dailyCapacity: 501 },
      { dailyCapacity: { code: 'range', params: { min: 1, max: 500 } } },
    ],
    ['position -1', { position: -1 }, { position: { code: 'range', params: { min: 0, max: 1000 } } }],
    ['position 0 is fine', { position: 0 }, {}],
    [
      '51 territories',
      { territoryCodes: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      { territoryCodes: { code: 'too_big' } },
    ],
  ])('%s', (_, changes, expected) => {
    expect(checkRule(valid(changes))).toEqual(expected);
  });
});

describe('deactivation and server problems', () => {
  it('asks before switching an active rule off, not otherwise', () => {
    expect(deactivates(rule, { isActive: false })).toBe(true);
    expect(deactivates(rule, { isActive: true })).toBe(false);
    expect(deactivates({ ...rule, isActive: false }, { isActive: false })).toBe(false);
    expect(deactivates(null, { isActive: false })).toBe(false);
  });

  it.each([
    ['teamId', 'teamId'],
    ['territoryCodes.3', 'territoryCodes'],
    ['version', null],
    ['', null],
  ])('puts a problem at %s on field %s', (path, field) => {
    expect(fieldOfPath(path)).toBe(field);
  });
});
