import { describe, expect, it } from 'vitest';
import { normalisePercent } from './ApprovalPolicyPage.js';

describe('normalisePercent', () => {
  it.each([
    ['8', '8'],
    ['8.5', '8.5'],
    ['8,5', '8.5'],
    [' 12,25 ', '12.25'],
    ['-1', '-1'],
    ['0', '0'],
    ['8.555', null],
    ['8 %', null],
    ['', null],
    ['osem', null],
  ])('%s → %s', (raw, expected) => {
    expect(normalisePercent(raw)).toBe(expected);
  });
});
