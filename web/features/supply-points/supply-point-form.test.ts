import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { AddressSuggestion, SupplyPoint } from './api.js';
import {
  emptySupplyPointValues,
  holderToValues,
  holderValuesToInput,
  identifierFeedback,
  identifierMessage,
  normaliseDecimal,
  suggestionToAddress,
  supplyPointToValues,
  unitAfterCommodityChange,
  unitOptions,
  validateHolder,
  validateSupplyPoint,
  valuesToInput,
  type SupplyPointFormValues,
} from './supply-point-form.js';
import { englishT } from './test-i18n.js';

let t: TFunction;
beforeAll(async () => {
  t = await englishT();
});

// 24ZZS1234567890 + its EIC check character.
const skEic = '24ZZS12345678900';

const point = (over: Partial<SupplyPoint> = {}): SupplyPoint => ({
  id: 'p1',
  ownerId: 'o1',
  clientId: 'c1',
  commodity: 'gas',
  country: 'SK',
  identifier: 'SKSPPDIS000012345678',
  identifierScheme: 'sk-gas-pod',
  territoryCode: 'sk-sppd',
  territorySource: 'identifier',
  status: 'active',
  name: null,
  address: {
    street: 'Hlavná 68',
    city: 'Košice',
    postalCode: '040 01',
    country: 'SK',
    latitude: 48.7,
    longitude: 21.2,
  },
  addressStatus: 'verified',
  annualConsumption: '2500',
  consumptionUnit: 'm3',
  annualConsumptionKWh: '25000',
  gasVolumeCoefficient: null,
  gasCalorificValue: '10.55',
  currentSupplier: 'SPP',
  currentProduct: null,
  distributionRate: null,
  breakerRating: null,
  iban: 'SK3112000000198742637541',
  paymentMethod: 'direct_debit',
  note: null,
  holder: {
    clientId: 'c1',
    kind: 'person',
    name: 'Ján Novák',
    email: null,
    phone: '+421905123456',
    address: { street: null, city: 'Košice', postalCode: null, country: 'SK' },
    version: 4,
  },
  archivedAt: null,
  version: 2,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
  warnings: [],
  ...over,
});

const values = (over: Partial<SupplyPointFormValues> = {}): SupplyPointFormValues => ({
  ...emptySupplyPointValues('c1'),
  identifier: skEic,
  ...over,
});

describe('form values and API input', () => {
  it('round-trips a supply point, leaving a derived territory to the server', () => {
    const v = supplyPointToValues(point());
    expect(v.territoryCode).toBeNull();
    expect(v.annualConsumption).toBe('2500');
    const input = valuesToInput(v);
    expect(input).toMatchObject({
      commodity: 'gas',
      identifier: 'SKSPPDIS000012345678',
      territoryCode: null,
      address: { street: 'Hlavná 68', city: 'Košice', postalCode: '040 01', country: 'SK' },
      annualConsumption: '2500',
      consumptionUnit: 'm3',
      gasVolumeCoefficient: null,
      gasCalorificValue: '10.55',
      name: null,
      note: null,
    });
  });

  it('keeps a territory the user chose', () => {
    expect(supplyPointToValues(point({ territorySource: 'manual' })).territoryCode).toBe('sk-sppd');
  });

  it('sends decimals as the API wants them and no unit without an amount', () => {
    expect(valuesToInput(values({ annualConsumption: '12,500.5' }))).toMatchObject({
      annualConsumption: '12500.5',
      consumptionUnit: 'kWh',
    });
    expect(valuesToInput(values({ annualConsumption: '  ' }))).toMatchObject({
      annualConsumption: null,
      consumptionUnit: null,
    });
  });

  it('sends no gas conversion values for electricity', () => {
    const input = valuesToInput(
      values({ commodity: 'electricity', gasVolumeCoefficient: '0.98', gasCalorificValue: '10.5' }),
    );
    expect(input.gasVolumeCoefficient).toBeNull();
    expect(input.gasCalorificValue).toBeNull();
  });

  it('normalises typed numbers', () => {
    expect(normaliseDecimal(' 1\u00a0234,5 ', ',')).toBe('1234.5');
    // In English the comma groups thousands: "1,500" is fifteen hundred, never 1.5.
    expect(normaliseDecimal('1,500', '.')).toBe('1500');
    expect(normaliseDecimal('1,500.25', '.')).toBe('1500.25');
  });
});

describe('units', () => {
  it('offers m³ only for gas', () => {
    expect(unitOptions('electricity')).toEqual(['kWh', 'MWh']);
    expect(unitOptions('gas')).toEqual(['kWh', 'MWh', 'm3']);
  });

  it('drops m³ when the commodity becomes electricity', () => {
    expect(unitAfterCommodityChange('electricity', 'm3')).toBe('kWh');
    expect(unitAfterCommodityChange('electricity', 'MWh')).toBe('MWh');
    expect(unitAfterCommodityChange('gas', 'm3')).toBe('m3');
  });
});

describe('address suggestions', () => {
  const suggestion: AddressSuggestion = {
    label: 'Hlavná 68, Košice',
    street: 'Hlavná',
    houseNumber: '68',
    city: 'Košice',
    postalCode: '040 01',
    country: 'SK',
    lat: 48.7,
    lon: 21.2,
    type: 'regional.address',
  };

  it('fill street with number, city, postal code and country', () => {
    expect(suggestionToAddress(suggestion, null)).toEqual({
      street: 'Hlavná 68',
      city: 'Košice',
      postalCode: '040 01',
      country: 'SK',
    });
  });

  it('use the village name where there are no streets', () => {
    expect(
      suggestionToAddress({ ...suggestion, street: null, city: 'Dolná Streda', houseNumber: '112' }, 'SK')
        .street,
    ).toBe('Dolná Streda 112');
  });
});

describe('identifier feedback while typing', () => {
  it('tells progress, validity, warnings and errors apart', () => {
    expect(identifierFeedback('SK', 'electricity', '')).toEqual({ state: 'empty', scheme: 'eic' });
    expect(identifierFeedback('SK', 'electricity', '24ZZS 12345')).toEqual({
      state: 'typing',
      scheme: 'eic',
      length: 10,
      expected: 16,
    });
    expect(identifierFeedback('SK', 'electricity', skEic.toLowerCase())).toMatchObject({
      state: 'valid',
      value: skEic,
    });
    expect(identifierFeedback('SK', 'gas', 'SKXXXDIS000012345678')).toMatchObject({
      state: 'valid',
      warning: 'prefix',
    });
    expect(identifierFeedback('SK', 'electricity', `${skEic}1`)).toMatchObject({
      state: 'invalid',
      reason: 'length',
    });
    expect(identifierFeedback('SK', 'electricity', '24ZZS12345678901')).toMatchObject({
      state: 'invalid',
      reason: 'checksum',
    });
    expect(identifierFeedback('SK', 'electricity', '24ZZS1234567#900')).toMatchObject({
      state: 'invalid',
      reason: 'charset',
    });
  });

  it('explains a rejection naming the kind of code', () => {
    expect(identifierMessage(t, 'length', 'eic')).toBe('Wrong length: expected 16 characters for EIC code.');
    expect(identifierMessage(t, 'checksum', 'eic')).toBe(
      'The check character does not match. Check for a typo.',
    );
    expect(identifierMessage(t, 'duplicate', 'eic')).toBe('Already used by another record.');
  });
});

describe('validateSupplyPoint', () => {
  it('accepts a complete electricity supply point', () => {
    expect(validateSupplyPoint(t, 'SK', true)(values({ annualConsumption: '3500' }))).toEqual({});
  });

  it('asks for the client when it is picked on the form', () => {
    expect(validateSupplyPoint(t, null, true)(values({ clientId: null }))).toHaveProperty(
      'clientId',
      'Required.',
    );
  });

  it('checks the identifier by the holder country', () => {
    const errors = validateSupplyPoint(t, 'SK', false)(values({ identifier: '24ZZS12345678901' }));
    expect(errors.identifier).toBe('The check character does not match. Check for a typo.');
  });

  it('checks consumption, unit, gas values and IBAN', () => {
    const errors = validateSupplyPoint(
      t,
      'SK',
      false,
    )(
      values({
        commodity: 'gas',
        identifier: 'SKSPPDIS000012345678',
        annualConsumption: '12x',
        gasVolumeCoefficient: '1.2',
        gasCalorificValue: '38',
        iban: 'SK3112000000198742637542',
      }),
    );
    expect(errors).toMatchObject({
      annualConsumption: 'Enter a number, e.g. 12500.5.',
      gasVolumeCoefficient: 'Outside the plausible range 0.85–1.05.',
      gasCalorificValue: expect.stringContaining('8–13 kWh/m³'),
      iban: 'The check digit does not match. Check for a typo.',
    });
  });

  it('refuses m³ for electricity', () => {
    const errors = validateSupplyPoint(
      t,
      'SK',
      false,
    )(values({ annualConsumption: '100', consumptionUnit: 'm3' }));
    expect(errors.consumptionUnit).toBe('This unit is not used for this commodity.');
  });
});

describe('holder', () => {
  it('maps the client fields both ways', () => {
    const v = holderToValues(point().holder);
    expect(v).toEqual({
      name: 'Ján Novák',
      email: '',
      phone: '+421905123456',
      address: { street: '', city: 'Košice', postalCode: '', country: 'SK' },
    });
    expect(holderValuesToInput({ ...v, email: ' jan@example.sk ' })).toEqual({
      name: 'Ján Novák',
      email: 'jan@example.sk',
      phone: '+421905123456',
      address: { street: null, city: 'Košice', postalCode: null, country: 'SK' },
    });
  });

  it('checks name, e-mail and phone like the client form', () => {
    const errors = validateHolder(
      t,
      'SK',
    )({ ...holderToValues(point().holder), name: ' ', email: 'nope', phone: '12' });
    expect(Object.keys(errors).sort()).toEqual(['email', 'name', 'phone']);
  });
});
