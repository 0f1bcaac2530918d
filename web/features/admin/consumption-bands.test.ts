import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { englishT } from '../supply-points/test-i18n.js';
import {
  bandInterval,
  bandToValues,
  bandValidity,
  bandValuesToBody,
  emptyBandValues,
  localToday,
  validateBand,
  type ConsumptionBand,
} from './consumption-bands.js';

let t: TFunction;
beforeAll(async () => {
  t = await englishT();
});

const band: ConsumptionBand = {
  id: 'b1',
  code: 'D3',
  country: 'SK',
  commodity: 'gas',
  customerCategory: 'household',
  territoryCode: null,
  lowerKWh: '20000',
  upperKWh: '60000',
  lowerInclusive: false,
  upperInclusive: true,
  validFrom: '2026-01-01',
  validTo: null,
  source: 'ÚRSO decision 0012/2025/P',
  version: 3,
};

describe('consumption band form', () => {
  it('round-trips a band to the API body', () => {
    const { id: _id, version: _version, ...body } = band;
    expect(bandValuesToBody(bandToValues(band))).toEqual(body);
  });

  it('sends an open upper limit and validity as null, decimals with a point', () => {
    const body = bandValuesToBody({ ...bandToValues(band), lowerKWh: '1,000.5', upperKWh: '', validTo: '' });
    expect(body).toMatchObject({ lowerKWh: '1000.5', upperKWh: null, validTo: null });
  });

  it('starts a new band from the list filter', () => {
    expect(emptyBandValues({ country: 'CZ', commodity: 'electricity' })).toMatchObject({
      country: 'CZ',
      commodity: 'electricity',
      upperInclusive: true,
    });
  });

  it('checks limits, validity and required fields', () => {
    const errors = validateBand(t)({
      ...bandToValues(band),
      code: '',
      upperKWh: '10000',
      validFrom: '2026-01-01',
      validTo: '2025-12-31',
      source: '',
    });
    expect(errors).toMatchObject({
      code: 'Required.',
      upperKWh: 'Must be above the lower limit.',
      validTo: 'Must not be before the start of validity.',
      source: 'Required.',
    });
    expect(validateBand(t)(bandToValues(band))).toEqual({});
  });
});

describe('band display', () => {
  it('shows whether a band applies on a day', () => {
    expect(bandValidity(band, '2025-12-31')).toBe('upcoming');
    expect(bandValidity(band, '2026-01-01')).toBe('current');
    expect(bandValidity({ ...band, validTo: '2026-12-31' }, '2026-12-31')).toBe('current');
    expect(bandValidity({ ...band, validTo: '2026-12-31' }, '2027-01-01')).toBe('ended');
  });

  it('writes the interval with its inclusivity', () => {
    expect(bandInterval(band, (v) => v)).toBe('(20000; 60000]');
    expect(bandInterval({ ...band, lowerInclusive: true, upperKWh: null }, (v) => v)).toBe('[20000; ∞)');
  });

  it('formats the local day', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
