import { describe, expect, it } from 'vitest';
import { checkLead, potentialSum, type PotentialInput } from './lead-rules.js';

const codes = (input: Parameters<typeof checkLead>[0]) =>
  checkLead(input).errors.map((e) => `${e.path}:${e.code}`);
const one = (potential: PotentialInput) => codes({ country: 'SK', potentials: [potential] });

describe('checkLead: identifiers by country', () => {
  it.each([
    // public: GasTrading s.r.o.
    ['valid SK IČO is stored normalised', { country: 'SK', companyId: '36 285 871' }, [], '36285871'],
    ['SK IČO of the wrong length', { country: 'SK', companyId: '1234567' }, ['companyId:length'], null],
    // public: TEREA Cheb s.r.o.
    [
      'CZ IČO with a wrong check digit',
      { country: 'CZ', companyId: '63507870' },
      ['companyId:checksum'],
      null,
    ],
    ['phone that is not a number', { country: 'SK', phone: '0905' }, ['phone:invalid_phone'], null],
  ] as const)('%s', (_case, input, expected, companyId) => {
    const result = checkLead(input);
    expect(result.errors.map((e) => `${e.path}:${e.code}`)).toEqual(expected);
    expect(result.values.companyId).toBe(companyId);
  });

  it('stores a national phone in E.164', () => {
    expect(checkLead({ country: 'SK', phone: '0905 123 456' }).values.phone).toBe('+421905123456');
  });
});

describe('checkLead: potentials', () => {
  it.each([
    // EIC check rule (ENTSO-E), SK electricity EIC from domain/energy tests
    ['SK electricity EIC', { commodity: 'electricity', supplyPointIdentifier: '24ZVS00000000108' }, []],
    [
      'EIC with a wrong check character',
      { commodity: 'electricity', supplyPointIdentifier: '24ZVS00000000109' },
      ['potentials.0.supplyPointIdentifier:checksum'],
    ],
    [
      'an electricity EIC given for gas',
      { commodity: 'gas', supplyPointIdentifier: '24ZVS00000000108' },
      ['potentials.0.supplyPointIdentifier:commodity'],
    ],
    [
      'a service has no supply point',
      { commodity: 'service', supplyPointIdentifier: '24ZVS00000000108' },
      ['potentials.0.supplyPointIdentifier:not_allowed'],
    ],
    [
      'period ending before it starts',
      { commodity: 'gas', periodFrom: '2027-01-01', periodTo: '2026-12-31' },
      ['potentials.0.periodTo:period_order'],
    ],
    ['one-day period', { commodity: 'gas', periodFrom: '2027-01-01', periodTo: '2027-01-01' }, []],
    [
      'quantity without a unit',
      { commodity: 'gas', quantity: '120' },
      ['potentials.0.quantityUnit:required'],
    ],
    [
      'unit without a quantity',
      { commodity: 'gas', quantityUnit: 'MWh' },
      ['potentials.0.quantity:required'],
    ],
    [
      'electricity in m³',
      { commodity: 'electricity', quantity: '10', quantityUnit: 'm3' },
      ['potentials.0.quantityUnit:unit_not_allowed'],
    ],
    ['gas in m³', { commodity: 'gas', quantity: '10', quantityUnit: 'm3' }, []],
    [
      'a service in MWh',
      { commodity: 'service', quantity: '1', quantityUnit: 'MWh' },
      ['potentials.0.quantityUnit:unit_not_allowed'],
    ],
    [
      'negative quantity',
      { commodity: 'gas', quantity: '-1', quantityUnit: 'MWh' },
      ['potentials.0.quantity:invalid_decimal'],
    ],
    [
      'four decimals',
      { commodity: 'gas', quantity: '1.2345', quantityUnit: 'MWh' },
      ['potentials.0.quantity:invalid_decimal'],
    ],
  ] as const)('%s', (_case, potential, expected) => {
    expect(one(potential)).toEqual(expected);
  });

  it('normalises identifiers and quantities, and names a supply point given twice', () => {
    const result = checkLead({
      country: 'SK',
      potentials: [
        {
          commodity: 'electricity',
          supplyPointIdentifier: ' 24zvs 0000 0000 108 ',
          quantity: '12.500',
          quantityUnit: 'MWh',
        },
        { commodity: 'electricity', supplyPointIdentifier: '24ZVS00000000108' },
      ],
    });
    expect(result.values.potentials[0]).toMatchObject({
      supplyPointIdentifier: '24ZVS00000000108',
      quantity: '12.5',
      quantityUnit: 'MWh',
    });
    expect(result.errors.map((e) => `${e.path}:${e.code}`)).toEqual([
      'potentials.1.supplyPointIdentifier:duplicate',
    ]);
  });
});

describe('checkLead: total demand', () => {
  it.each([
    ['with its unit', { totalDemand: '500.0', totalDemandUnit: 'MWh' }, [], '500'],
    ['without its unit', { totalDemand: '500' }, ['totalDemandUnit:required'], '500'],
    ['not a decimal', { totalDemand: '5e2', totalDemandUnit: 'MWh' }, ['totalDemand:invalid_decimal'], null],
  ] as const)('%s', (_case, input, expected, value) => {
    const result = checkLead({ country: 'SK', ...input });
    expect(result.errors.map((e) => `${e.path}:${e.code}`)).toEqual(expected);
    expect(result.values.totalDemand).toBe(value);
  });

  it('warns, without refusing, when the potentials exceed the total demand', () => {
    const result = checkLead({
      country: 'SK',
      totalDemand: '100',
      totalDemandUnit: 'MWh',
      potentials: [
        { commodity: 'electricity', quantity: '60', quantityUnit: 'MWh' },
        { commodity: 'gas', quantity: '40.5', quantityUnit: 'MWh' },
      ],
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['below_potential']);
  });
});

describe('potentialSum', () => {
  it.each([
    [
      'decimals add exactly (no float error)',
      [
        ['0.1', 'MWh'],
        ['0.2', 'MWh'],
      ],
      { quantity: '0.3', unit: 'MWh' },
    ],
    [
      'potentials without a quantity are left out',
      [
        ['5', 'kWh'],
        [null, null],
      ],
      { quantity: '5', unit: 'kWh' },
    ],
    [
      'different units are not added',
      [
        ['5', 'kWh'],
        ['1', 'MWh'],
      ],
      null,
    ],
    ['nothing to add', [], null],
  ] as const)('%s', (_case, rows, expected) => {
    expect(potentialSum(rows.map(([quantity, quantityUnit]) => ({ quantity, quantityUnit })))).toEqual(
      expected,
    );
  });
});
