import { describe, expect, it } from 'vitest';
import { decimalSeparator, parseDecimalInput } from './decimal-input.js';

describe('decimal input', () => {
  it('knows the separator of the UI languages', () => {
    expect(decimalSeparator('sk-SK')).toBe(',');
    expect(decimalSeparator('en-GB')).toBe('.');
  });

  it('reads Slovak numbers: comma decimals, spaces and dots grouping', () => {
    expect(parseDecimalInput('12 500,5', ',')).toBe('12500.5');
    expect(parseDecimalInput('12\u00a0500,5', ',')).toBe('12500.5');
    expect(parseDecimalInput('1.234,5', ',')).toBe('1234.5');
    expect(parseDecimalInput('950.5', ',')).toBe('950.5');
    expect(parseDecimalInput('1.234.567', ',')).toBe('1234567');
  });

  it('reads English numbers: the comma only groups', () => {
    expect(parseDecimalInput('1,500', '.')).toBe('1500');
    expect(parseDecimalInput('31,000.5', '.')).toBe('31000.5');
    expect(parseDecimalInput(' 7 ', '.')).toBe('7');
  });

  it('leaves what is not a number for the check to reject', () => {
    expect(parseDecimalInput('', ',')).toBe('');
    expect(parseDecimalInput('abc', ',')).toBe('abc');
    expect(parseDecimalInput('-5', '.')).toBe('-5');
  });
});
