import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from './api.js';
import { historyRows } from './history.js';

const entry = (id: string, action: string, field: string | null, entityId = 'a1'): HistoryEntry => ({
  id,
  at: '2026-11-20T09:00:00Z',
  by: null,
  entityType: 'activity',
  entityId,
  action,
  field,
  before: null,
  after: 'x',
});

describe('history rows of an activity', () => {
  it.each([
    ['one line per creation, whatever the fields', [entry('1', 'create', 'subject'), entry('2', 'create', 'kind')], ['create:null']],
    ['changed fields one per line', [entry('1', 'update', 'subject'), entry('2', 'update', 'dueAt')], ['update:subject', 'update:dueAt']],
    ['technical fields left out', [entry('1', 'update', 'version'), entry('2', 'update', 'status')], ['update:status']],
    ['archiving as one line', [entry('1', 'archive', 'archivedAt')], ['archive:null']],
    ['creations of two records kept apart', [entry('1', 'create', 'title', 'e1'), entry('2', 'create', 'title', 'e2')], ['create:null', 'create:null']],
  ])('%s', (_, entries, expected) => {
    expect(historyRows(entries).map((r) => `${r.action}:${r.field}`)).toEqual(expected);
  });
});
