import { Decimal } from 'decimal.js';

/** A participant's commission share (COMM-2): per cent as a decimal string with at most two decimals. */
export type ParticipantShare = { userId: string; share: string };

export type ShareProblem = { path: string; code: string; message: string };

export type ShareCheck = {
  /** The sum of the shares that could be read, as a decimal string ("90", "100.5"). */
  total: string;
  /** True only when every share is valid, no user repeats and the total is exactly 100. */
  isComplete: boolean;
  /** Problems of single rows (bad share, repeated user); the total is reported separately. */
  problems: ShareProblem[];
  /** True when the rows are fine but do not add up to exactly 100 %. */
  isTotalWrong: boolean;
};

const shareFormat = /^\d{1,3}(\.\d{1,2})?$/;
const hundred = new Decimal(100);

/**
 * Checks the split of a case (COMM-2): each share is a positive per cent with at most two decimals, each user
 * appears once, and the shares add up to exactly 100 — decimals, so 33.33 + 33.33 + 33.34 is exact.
 */
export const checkShares = (participants: readonly ParticipantShare[]): ShareCheck => {
  const problems: ShareProblem[] = [];
  let total = new Decimal(0);
  const seen = new Set<string>();
  if (participants.length === 0) {
    problems.push({ path: 'participants', code: 'required', message: 'at least one participant is required' });
  }
  participants.forEach((p, index) => {
    const raw = p.share.trim();
    if (!shareFormat.test(raw)) {
      problems.push({ path: `participants.${index}.share`, code: 'invalid_share', message: `"${p.share}" is not a per cent with at most two decimals` });
    } else {
      const share = new Decimal(raw);
      if (share.lte(0) || share.gt(hundred)) {
        problems.push({ path: `participants.${index}.share`, code: 'out_of_range', message: `a share must be above 0 and at most 100, not ${raw}` });
      }
      total = total.plus(share);
    }
    if (seen.has(p.userId)) {
      problems.push({ path: `participants.${index}.userId`, code: 'duplicate', message: 'this user is already a participant' });
    }
    seen.add(p.userId);
  });
  const isTotalWrong = problems.length === 0 && !total.eq(hundred);
  return { total: total.toFixed(), isComplete: problems.length === 0 && !isTotalWrong, problems, isTotalWrong };
};

/** The share each of `count` participants gets when split evenly, the rounding remainder going to the first. */
export const evenShares = (count: number): string[] => {
  if (count <= 0) return [];
  const base = hundred.dividedBy(count).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const first = hundred.minus(base.times(count - 1));
  return [first.toFixed(), ...Array.from({ length: count - 1 }, () => base.toFixed())];
};
