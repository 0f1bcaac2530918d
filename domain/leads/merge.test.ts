import { describe, expect, it } from 'vitest';
import { caseCommodityOf, mergeLeadFields, totalDemandOf, type MergeableLead } from './merge.js';

const lead = (fields: Partial<MergeableLead> = {}): MergeableLead => ({
  country: 'SK',
  companyId: null,
  email: null,
  phone: null,
  contactFirstName: null,
  contactLastName: null,
  contactFunction: null,
  street: null,
  city: null,
  postalCode: null,
  industry: null,
  campaign: null,
  channel: null,
  marketingConsent: 'unknown',
  totalDemand: null,
  totalDemandUnit: null,
  clientId: null,
  note: null,
  attributes: {},
  ...fields,
});

describe('mergeLeadFields', () => {
  it.each([
    [
      'fills empty fields',
      lead(),
      lead({ email: 'a@b.sk', city: 'Nitra' }),
      { email: 'a@b.sk', city: 'Nitra' },
    ],
    ['never overwrites a filled field', lead({ email: 'kept@b.sk' }), lead({ email: 'other@b.sk' }), {}],
    [
      'a blank text counts as empty',
      lead({ street: '  ' }),
      lead({ street: 'Hlavná 1' }),
      { street: 'Hlavná 1' },
    ],
    ['company ID within one country', lead(), lead({ companyId: '36285871' }), { companyId: '36285871' }],
    ['no company ID from another country', lead(), lead({ country: 'CZ', companyId: '63507871' }), {}],
    [
      'total demand only with its unit',
      lead(),
      lead({ totalDemand: '120', totalDemandUnit: 'MWh' }),
      { totalDemand: '120', totalDemandUnit: 'MWh' },
    ],
    [
      'consent only from unknown',
      lead({ marketingConsent: 'refused' }),
      lead({ marketingConsent: 'granted' }),
      {},
    ],
    [
      'unknown consent takes the source',
      lead(),
      lead({ marketingConsent: 'granted' }),
      { marketingConsent: 'granted' },
    ],
    [
      'attributes the target lacks are added, its own kept',
      lead({ attributes: { Zdroj: 'web' } }),
      lead({ attributes: { Zdroj: 'Reinet', Segment: 'B2B' } }),
      { attributes: { Zdroj: 'web', Segment: 'B2B' } },
    ],
    ['nothing to take', lead({ email: 'a@b.sk' }), lead(), {}],
  ] as const)('%s', (_case, target, source, expected) => {
    expect(mergeLeadFields(target, source)).toEqual(expected);
  });
});

describe('caseCommodityOf', () => {
  it.each([
    [['electricity', 'electricity'], 'electricity'],
    [['gas'], 'gas'],
    [['electricity', 'gas'], 'other'],
    [['service'], 'other'],
    [[], 'other'],
  ] as const)('%j → %s', (commodities, expected) => {
    expect(caseCommodityOf(commodities.map((commodity) => ({ commodity })))).toBe(expected);
  });
});

describe('totalDemandOf', () => {
  it.each([
    [
      "the lead's own total demand wins",
      { totalDemand: '900', totalDemandUnit: 'MWh' },
      [['100', 'MWh']],
      { totalDemand: '900', totalDemandUnit: 'MWh' },
    ],
    [
      'else the potentials summed exactly',
      { totalDemand: null, totalDemandUnit: null },
      [
        ['0.1', 'MWh'],
        ['0.2', 'MWh'],
      ],
      { totalDemand: '0.3', totalDemandUnit: 'MWh' },
    ],
    [
      'potentials in different units give none',
      { totalDemand: null, totalDemandUnit: null },
      [
        ['1', 'MWh'],
        ['1', 'm3'],
      ],
      null,
    ],
  ] as const)('%s', (_case, ownTotal, rows, expected) => {
    expect(
      totalDemandOf(
        ownTotal,
        rows.map(([quantity, quantityUnit]) => ({ quantity, quantityUnit })),
      ),
    ).toEqual(expected);
  });
});
