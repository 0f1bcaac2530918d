import { describe, expect, it } from 'vitest';
import { isTypoTolerant } from './similarity.js';

describe('isTypoTolerant: which search terms also match names loosely', () => {
  it.each([
    ['kowtechnik', true],
    ['nováková', true],
    ['zlin', true],
    ['abc', false],
    ['24ZZS0000012345A', false],
    ['hlavna 12', false],
    ['36285871', false],
    ['+421905', false],
  ])('%s → %s', (term, expected) => {
    expect(isTypoTolerant(term)).toBe(expected);
  });
});
