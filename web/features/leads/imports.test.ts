import { describe, expect, it } from 'vitest';
import type { RowMatch } from './import-api.js';
import { decisionOf, decisionValue, mappingForSource, mergeTargets } from './imports.js';

const upload = {
  headers: ['Firma', 'IČO', 'Mail', 'Poznámka'],
  savedMappings: [
    {
      source: 'Reinet',
      mapping: { name: 'Firma', email: 'Mail', note: 'Poznámka' },
      updatedAt: '2026-11-01T00:00:00Z',
    },
  ],
};

describe('the mapping of a source', () => {
  it('starts from the mapping saved for the source, whatever its case, and suggests the rest by header names', () => {
    const mapping = mappingForSource(upload, ' reinet ');
    expect(mapping).toMatchObject({ name: 'Firma', email: 'Mail', note: 'Poznámka', companyId: 'IČO' });
  });

  it('without a saved mapping suggests by header names only', () => {
    const mapping = mappingForSource(upload, 'Web');
    expect(mapping.note).toBe('Poznámka');
    expect(mapping.email).toBe('Mail');
  });
});

const record = {
  name: 'X',
  country: 'SK',
  companyId: null,
  email: null,
  phone: null,
  city: null,
  status: 'new',
};

describe('decisions', () => {
  it.each([
    [
      { decision: 'merge', targetLeadId: 'L1', targetClientId: null },
      'merge:lead:L1',
      { row: 4, decision: 'merge', targetLeadId: 'L1' },
    ],
    [
      { decision: 'merge', targetLeadId: null, targetClientId: 'C1' },
      'merge:client:C1',
      { row: 4, decision: 'merge', targetClientId: 'C1' },
    ],
    [{ decision: 'skip', targetLeadId: null, targetClientId: null }, 'skip', { row: 4, decision: 'skip' }],
  ] as const)('round-trips %j', (decision, value, input) => {
    expect(decisionValue({ decision })).toBe(value);
    expect(decisionOf(4, value)).toEqual(input);
  });

  it('offers merging only into leads and clients, not into an earlier row', () => {
    const matches: RowMatch[] = [
      { type: 'row', row: 2, fields: ['email'], record },
      { type: 'lead', id: 'L1', fields: ['phone'], record },
    ];
    expect(mergeTargets(matches).map((m) => m.id)).toEqual(['L1']);
  });
});
