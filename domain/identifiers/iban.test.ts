import { describe, it, expect } from 'vitest';
import { checkIban, normaliseIban } from './iban.js';

// Vectors copied from the identifiers spec (shared/domain/identifiers.md, section 6 "IBAN"); the spec
// is not read at run time. Spec source: ISO 13616 / SWIFT IBAN Registry example IBANs.

describe('checkIban - valid', () => {
  it.each([
    // public: SWIFT IBAN Registry example (DE)
    ['DE89370400440532013000', 'DE89370400440532013000'],
    // public: SWIFT IBAN Registry example (CZ)
    ['CZ6508000000192000145399', 'CZ6508000000192000145399'],
    // public: SWIFT IBAN Registry example (SK)
    ['SK3112000000198742637541', 'SK3112000000198742637541'],
    // public: SWIFT IBAN Registry example (PL)
    ['PL61109010140000071219812874', 'PL61109010140000071219812874'],
    // spec: printed form, valid after normalise
    ['SK31 1200 0000 1987 4263 7541', 'SK3112000000198742637541'],
    // not in spec: lower case
    ['de89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    // not in spec: public SWIFT registry example (AT) - other countries use the generic 15-34 bounds
    ['AT611904300234573201', 'AT611904300234573201'],
  ])('%s -> %s', (input, value) => {
    expect(checkIban(input)).toEqual({ ok: true, value });
  });
});

describe('checkIban - invalid', () => {
  it.each([
    // spec: registry examples with the last digit changed
    ['DE89370400440532013001', 'checksum'],
    ['CZ6508000000192000145398', 'checksum'],
    ['PL61109010140000071219812875', 'checksum'],
    // not in spec: synthetic DE IBAN with check digits 98 (valid) rewritten to 01 - passes mod 97
    // but 01 is never issued
    ['DE01370400441000000008', 'checksum'],
    // not in spec: country lengths
    ['DE8937040044053201300', 'length'],
    ['SK31120000001987426375411', 'length'],
    // not in spec: hostile / edge inputs
    ['8937040044053201300000', 'component'],
    ['DE89-3704-0044-0532-0130-00', 'charset'],
    ['ＤＥ89370400440532013000', 'charset'],
    ['', 'required'],
  ] as const)('%s -> %s', (input, reason) => {
    expect(checkIban(input)).toEqual({ ok: false, reason });
  });

  it('accepts the synthetic check-digit-98 IBAN the 01 case is derived from', () => {
    expect(checkIban('DE98370400441000000008')).toEqual({ ok: true, value: 'DE98370400441000000008' });
  });

  it('normaliseIban removes spaces and upper-cases', () => {
    expect(normaliseIban(' pl61 1090 1014 0000 0712 1981 2874 ')).toBe('PL61109010140000071219812874');
  });
});
