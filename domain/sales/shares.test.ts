import { describe, expect, it } from 'vitest';
import { checkShares, evenShares } from './shares.js';

const p = (...shares: string[]) => shares.map((share, i) => ({ userId: `u${i}`, share }));

describe('checkShares (COMM-2: shares add up to exactly 100 %)', () => {
  it.each([
    ['one participant with everything', p('100'), '100', true],
    ['an even split', p('50', '50'), '100', true],
    ['thirds that are exact in decimals', p('33.33', '33.33', '33.34'), '100', true],
    ['thirds short by a cent', p('33.33', '33.33', '33.33'), '99.99', false],
    ['0.1 + 0.2 style decimals', p('0.1', '0.2', '99.7'), '100', true],
    ['too little', p('60', '30'), '90', false],
    ['too much', p('60', '50'), '110', false],
    ['trailing zeros', p('50.00', '50.0'), '100', true],
  ])('%s: total %s, complete %s', (_case, participants, total, isComplete) => {
    const check = checkShares(participants);
    expect(check.total).toBe(total);
    expect(check.isComplete).toBe(isComplete);
    expect(check.isTotalWrong).toBe(!isComplete);
    expect(check.problems).toEqual([]);
  });

  it.each([
    ['a share with three decimals', p('33.333', '66.667'), 'participants.0.share', 'invalid_share'],
    ['a negative share', p('-10', '110'), 'participants.0.share', 'invalid_share'],
    ['a zero share', p('0', '100'), 'participants.0.share', 'out_of_range'],
    ['a share above 100', p('150'), 'participants.0.share', 'out_of_range'],
    ['an exponent', p('1e2'), 'participants.0.share', 'invalid_share'],
    ['no participants', [], 'participants', 'required'],
  ])('rejects %s naming the row and rule', (_case, participants, path, code) => {
    const check = checkShares(participants);
    expect(check.isComplete).toBe(false);
    expect(check.problems).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('rejects the same user twice', () => {
    const check = checkShares([{ userId: 'a', share: '50' }, { userId: 'a', share: '50' }]);
    expect(check.problems).toEqual([expect.objectContaining({ path: 'participants.1.userId', code: 'duplicate' })]);
  });
});

describe('evenShares', () => {
  it.each([
    [1, ['100']],
    [2, ['50', '50']],
    [3, ['33.34', '33.33', '33.33']],
    [6, ['16.7', '16.66', '16.66', '16.66', '16.66', '16.66']],
    [0, []],
  ])('%i participants → %j, adding to exactly 100', (count, expected) => {
    const shares = evenShares(count);
    expect(shares).toEqual(expected);
    if (count > 0) expect(checkShares(shares.map((share, i) => ({ userId: String(i), share }))).isComplete).toBe(true);
  });
});
