import { describe, it, expect } from 'vitest';
import { checkEic, normaliseEic } from './eic.js';

// Vectors copied from the identifiers spec (shared/domain/identifiers.md, section 1 "EIC"); the spec
// is not read at run time. Each row notes whether the vector is public or synthetic and its source.

describe('checkEic - valid', () => {
  it.each([
    // public: Slovak control area (ENTSO-E EIC scheme; SEPS)
    ['10YSK-SEPS-----K', '10YSK-SEPS-----K'],
    // public: Czech control area (ENTSO-E EIC scheme)
    ['10YCZ-CEPS-----N', '10YCZ-CEPS-----N'],
    // public: CEZ, a. s. party code (usetrito.cz/eic-kod)
    ['27XCEZ-INTRA---M', '27XCEZ-INTRA---M'],
    // public: python-stdnum stdnum/eu/eic.py docs
    ['22XWATTPLUS----G', '22XWATTPLUS----G'],
    // synthetic: Slovak metering point, VSD prefix (layout per SEPS "Coding of metering points")
    ['24ZVS00000000108', '24ZVS00000000108'],
    // spec: lower case is accepted after normalise
    ['10ysk-seps-----k', '10YSK-SEPS-----K'],
    // not in spec: surrounding and inner whitespace (incl. no-break space) is removed
    ['  24ZVS 0000\u00a00000 108 ', '24ZVS00000000108'],
  ])('%s -> %s', (input, value) => {
    expect(checkEic(input)).toEqual({ ok: true, value });
  });
});

describe('checkEic - invalid', () => {
  it.each([
    // spec: wrong check character
    ['10YSK-SEPS-----L', 'checksum'],
    // public: python-stdnum stdnum/eu/eic.py docs, wrong check character
    ['22XWATTPLUS----X', 'checksum'],
    // spec: 15 characters
    ['10YSK-SEPS----K', 'length'],
    // public: python-stdnum docs; the check value would be 36 ('-'), which is not allowed
    ['23X--130302DLGW-', 'checksum'],
    // not in spec: hostile / edge inputs
    ['', 'required'],
    ['   ', 'required'],
    ['10YSK_SEPS-----K', 'charset'],
    ['１０YSK-SEPS-----K', 'charset'],
    ['AAYSK-SEPS-----K', 'component'],
  ] as const)('%s -> %s', (input, reason) => {
    expect(checkEic(input)).toEqual({ ok: false, reason });
  });
});

describe('normaliseEic', () => {
  it('keeps hyphens, removes spaces, upper-cases', () => {
    expect(normaliseEic(' 10ysk-seps -----k ')).toBe('10YSK-SEPS-----K');
  });
});
