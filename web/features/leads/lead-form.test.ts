import { describe, expect, it } from 'vitest';
import { englishT } from '../supply-points/test-i18n.js';
import type { Lead } from './api.js';
import {
  emptyLeadValues,
  emptyPotential,
  isLeadFormField,
  leadToValues,
  validateLead,
  valuesToInput,
  type LeadFormValues,
} from './lead-form.js';

const t = await englishT();

const values = (overrides: Partial<LeadFormValues> = {}): LeadFormValues => ({
  ...emptyLeadValues('SK'),
  name: 'Pekáreň s.r.o.',
  ...overrides,
});
const potential = (overrides: Partial<ReturnType<typeof emptyPotential>> = {}) => ({
  ...emptyPotential('electricity'),
  ...overrides,
});

describe('valuesToInput', () => {
  it.each([
    // Slovak writes "12 500,5"; English "12,500.5": both mean the same decimal string.
    [',', '12 500,5', '12500.5'],
    ['.', '12,500.5', '12500.5'],
    [',', '', null],
  ])('reads quantities in the language (separator %s): %s → %s', (separator, typed, sent) => {
    const input = valuesToInput(
      values({ totalDemand: typed, potentials: [potential({ quantity: typed })] }),
      separator,
    );
    expect(input.totalDemand).toBe(sent);
    expect(input.potentials[0]!.quantity).toBe(sent);
  });

  it('sends a unit only with a quantity, no supply point for a service, and null for empty texts', () => {
    const input = valuesToInput(
      values({
        email: '  ',
        potentials: [
          potential({ quantity: '' }),
          { ...potential({ supplyPointIdentifier: '24ZVS00000000108' }), commodity: 'service' },
        ],
      }),
      ',',
    );
    expect(input.email).toBeNull();
    expect(input.potentials[0]!.quantityUnit).toBeNull();
    expect(input.potentials[1]!.supplyPointIdentifier).toBeNull();
    expect(input.totalDemandUnit).toBeNull();
  });

  it('round-trips a lead read from the API', () => {
    const lead = {
      ...valuesToInput(values({ companyId: '36285871' }), '.'),
      id: 'x',
      totalDemand: '1500.25',
      totalDemandUnit: 'MWh',
      potentials: [
        {
          id: 'p',
          commodity: 'gas',
          territoryCode: 'sk-sppd',
          supplyPointIdentifier: null,
          periodFrom: '2027-01-01',
          periodTo: null,
          priceModel: 'fixed',
          quantity: '0.5',
          quantityUnit: 'm3',
        },
      ],
    } as unknown as Lead;
    const shown = leadToValues(lead, ',');
    expect(shown.totalDemand).toBe('1500,25');
    expect(valuesToInput(shown, ',').potentials[0]).toMatchObject({
      commodity: 'gas',
      quantity: '0.5',
      quantityUnit: 'm3',
      periodFrom: '2027-01-01',
    });
  });
});

describe('validateLead', () => {
  const validate = validateLead(t, '.');
  it.each([
    ['a name is required', values({ name: ' ' }), 'name'],
    ['a Slovak IČO of the wrong length', values({ companyId: '12345' }), 'companyId'],
    ['an e-mail', values({ email: 'nie-je' }), 'email'],
    [
      'a supply point with a wrong check character',
      values({ potentials: [potential({ supplyPointIdentifier: '24ZVS00000000109' })] }),
      'potentials.0.supplyPointIdentifier',
    ],
    [
      'a period ending before it starts',
      values({ potentials: [potential({ periodFrom: '2027-02-01', periodTo: '2027-01-01' })] }),
      'potentials.0.periodTo',
    ],
    [
      'a quantity without a unit',
      values({ potentials: [potential({ quantity: '5', quantityUnit: null })] }),
      'potentials.0.quantityUnit',
    ],
  ])('names the field: %s', (_case, form, path) => {
    const errors = validate(form);
    expect(Object.keys(errors)).toContain(path);
  });

  it('passes a complete lead', () => {
    expect(
      validate(
        values({
          companyId: '36285871',
          email: 'a@b.sk',
          potentials: [potential({ quantity: '12.5', supplyPointIdentifier: '24ZVS00000000108' })],
        }),
      ),
    ).toEqual({});
  });

  it('says the rule in words', () => {
    expect(
      validate(values({ potentials: [potential({ periodFrom: '2027-02-01', periodTo: '2027-01-01' })] }))[
        'potentials.0.periodTo'
      ],
    ).not.toBe('Invalid value.');
  });
});

describe('isLeadFormField', () => {
  it.each([
    ['companyId', true],
    ['address.city', true],
    ['potentials.3.quantity', true],
    ['client.companyId', false],
    ['potentials.x.quantity', false],
  ])('%s → %s', (path, expected) => {
    expect(isLeadFormField(path)).toBe(expected);
  });
});
