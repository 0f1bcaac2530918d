import { describe, it, expect } from 'vitest';
import { checkBirthNumber } from './birth-number.js';

// Vectors copied from the identifiers spec (shared/domain/identifiers.md, section 7 "Czech/Slovak
// birth number"); the spec is not read at run time. All spec vectors are synthetic (cross-checked by
// the spec author against stdnum-js cz.rc). Rows marked "not in spec" were computed for this file
// with plain Python integer arithmetic, independently of this implementation.

describe('checkBirthNumber - valid', () => {
  it.each([
    // synthetic (spec): woman (+50), 1 Jan 1978
    ['7851011234', '7851011234'],
    // synthetic (spec): woman (+50), 20 Nov 1990
    ['9061207771', '9061207771'],
    // synthetic (spec): month + 70 (woman, since 2004), 15 Mar 2005
    ['0573150017', '0573150017'],
    // synthetic (spec): 9 digits, born 1953
    ['530101123', '530101123'],
    // not in spec: printed with the slash
    ['785101/1234', '7851011234'],
    // not in spec: month + 20 (man, since 2004), 15 Feb 2005
    ['0522150002', '0522150002'],
    // not in spec: pre-1985 exception - first 9 digits mod 11 = 10, check digit 0 (1 Jan 1980)
    ['8001010040', '8001010040'],
    // not in spec: 29 Feb 2000 (leap year)
    ['0002290002', '0002290002'],
  ])('%s -> %s', (input, value) => {
    expect(checkBirthNumber(input)).toEqual({ ok: true, value });
  });
});

describe('checkBirthNumber - invalid', () => {
  it.each([
    // synthetic (spec): wrong check digit
    ['7851011235', 'checksum'],
    // synthetic (spec): wrong check digit (year 53 as 10 digits is 2053, no pre-1985 exception)
    ['5301011230', 'checksum'],
    // synthetic (spec): 30 February
    ['7802301236', 'component'],
    // not in spec: remainder 10 with check digit 0 is only allowed before 1985 (1 Jan 1990)
    ['9001010030', 'checksum'],
    // not in spec: month + 20 was not used before 2004 (1990)
    ['9022150005', 'component'],
    // not in spec: 29 Feb 2001 (not a leap year)
    ['0102290001', 'component'],
    // not in spec: 9 digits after 1953
    ['540101123', 'length'],
    // not in spec: hostile / edge inputs
    ['78510112345', 'length'],
    ['785101-1234', 'charset'],
    ['７８５１０１１２３４', 'charset'],
    ['', 'required'],
  ] as const)('%s -> %s', (input, reason) => {
    expect(checkBirthNumber(input)).toEqual({ ok: false, reason });
  });
});
