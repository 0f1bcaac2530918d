import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishT } from '../supply-points/test-i18n.js';
import { currencyOfCountry, emptyProductValues, productValuesToBody, validateProduct } from './product-form.js';
import { emptyVatValues, regulatedValuesToBody, emptyRegulatedValues, validateRegulated, validateVat, vatValuesToBody } from './regulated-form.js';

let t: TFunction;
beforeAll(async () => {
  t = await englishT();
});

describe('product form', () => {
  const filled = { ...emptyProductValues(), supplier: ' Voltia ', name: 'Fix 2027', code: 'VOL-FIX', description: '  ' };

  it('accepts a complete product and trims what it sends', () => {
    expect(validateProduct(t)(filled)).toEqual({});
    expect(productValuesToBody(filled)).toEqual({
      supplier: 'Voltia',
      name: 'Fix 2027',
      code: 'VOL-FIX',
      commodity: 'electricity',
      country: 'SK',
      currency: 'EUR',
      priceModel: 'fixed',
      active: true,
      description: null,
    });
  });

  it('names every missing field', () => {
    expect(validateProduct(t)({ ...emptyProductValues(), country: null, currency: null })).toEqual({
      supplier: 'Required.',
      name: 'Required.',
      code: 'Required.',
      country: 'Required.',
      currency: 'Required.',
    });
  });

  it('refuses a code longer than the API allows', () => {
    expect(validateProduct(t)({ ...filled, code: 'X'.repeat(41) })).toEqual({ code: 'Too long or too large.' });
  });

  it.each([
    ['SK', 'EUR'],
    ['CZ', 'CZK'],
    ['PL', 'PLN'],
    [null, null],
  ])('a product in %s is priced in %s', (country, currency) => {
    expect(currencyOfCountry(country)).toBe(currency);
  });
});

describe('regulated component form', () => {
  const filled = { ...emptyRegulatedValues({ country: 'CZ', commodity: 'gas' }), amount: '12,5', validFrom: '2027-01-01', source: 'ERÚ 2026/14' };

  it('takes the filter as its defaults and sends decimal text', () => {
    expect(validateRegulated(t, ',')(filled)).toEqual({});
    expect(regulatedValuesToBody(filled, ',')).toMatchObject({ country: 'CZ', commodity: 'gas', currency: 'CZK', amount: '12.5', tariffCode: null, territoryCode: null, validTo: null });
  });

  it('names the amount, the validity and the source', () => {
    expect(validateRegulated(t, '.')({ ...filled, amount: '1.23456', validTo: '2026-01-01', source: ' ' })).toEqual({
      amount: 'Enter a non-negative price with at most 4 decimals, e.g. 129.9.',
      validTo: 'Must not be before the start of validity.',
      source: 'Required.',
    });
  });
});

describe('VAT rate form', () => {
  it('accepts a rate with up to 2 decimals', () => {
    const values = { ...emptyVatValues(), ratePercent: '23', validFrom: '2025-01-01', source: 'Act 222/2004' };
    expect(validateVat(t, '.')(values)).toEqual({});
    expect(vatValuesToBody(values, '.')).toEqual({ country: 'SK', ratePercent: '23', validFrom: '2025-01-01', validTo: null, source: 'Act 222/2004' });
  });

  it.each(['123', '2.345', 'x'])('refuses the rate %s', (ratePercent) => {
    expect(validateVat(t, '.')({ ...emptyVatValues(), ratePercent, validFrom: '2025-01-01', source: 's' })).toEqual({
      ratePercent: 'Enter a per cent rate with at most 2 decimals, e.g. 23.',
    });
  });
});
