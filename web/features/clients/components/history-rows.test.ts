import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../api.js';
import { historyRows } from './history-rows.js';

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: Math.random().toString(36).slice(2),
  at: '2026-11-23T10:00:00.000Z',
  by: null,
  entityType: 'client',
  entityId: 'c1',
  action: 'update',
  field: 'name',
  before: 'A',
  after: 'B',
  ...over,
});

describe('historyRows', () => {
  it('collapses the per-field entries of a creation into one line per record', () => {
    const rows = historyRows([
      entry({ entityType: 'contact', entityId: 'k1', action: 'create', field: 'firstName' }),
      entry({ entityType: 'contact', entityId: 'k1', action: 'create', field: 'lastName' }),
      entry({ action: 'create', field: 'name' }),
      entry({ action: 'create', field: 'city' }),
    ]);
    expect(rows.map((r) => [r.entityId, r.action, r.field])).toEqual([
      ['k1', 'create', null],
      ['c1', 'create', null],
    ]);
  });

  it('leaves out technical fields and keeps real changes', () => {
    const rows = historyRows([
      entry({ field: 'ownerId' }),
      entry({ field: 'id' }),
      entry({ field: 'status', before: 'active', after: 'passive' }),
    ]);
    expect(rows.map((r) => r.field)).toEqual(['status']);
  });

  it('shows archiving as one action, not as a changed date', () => {
    const rows = historyRows([
      entry({ action: 'archive', field: 'archivedAt', before: null, after: '2026-11-23T10:00:00.000Z' }),
    ]);
    expect(rows).toMatchObject([{ action: 'archive', field: null }]);
  });
});
