import { describe, expect, it } from 'vitest';
import { dropDecision, missingForStage } from './board.js';

describe('dropDecision', () => {
  it.each([
    ['the same column', 'a', { id: 'a', closesAs: null }, 'none'],
    ['outside every column', 'a', null, 'none'],
    ['a working stage', 'a', { id: 'b', closesAs: null }, 'move'],
    ['a won stage (asks for the closing note)', 'a', { id: 'w', closesAs: 'won' }, 'close'],
    ['a lost stage', 'a', { id: 'l', closesAs: 'lost' }, 'close'],
    ['a card without a column', null, { id: 'b', closesAs: null }, 'none'],
  ] as const)('onto %s → %s', (_, from, target, expected) => {
    expect(dropDecision(from, target)).toBe(expected);
  });
});

describe('missingForStage', () => {
  it.each([
    [['supplyPointIds', 'totalDemand'], ['participants'], ['supplyPointIds', 'totalDemand']],
    [['supplyPointIds', 'totalDemand'], ['totalDemand', 'participants'], ['supplyPointIds']],
    [[], [], []],
  ])('%j with %j filled → %j', (required, filled, expected) => {
    expect(missingForStage(required, filled)).toEqual(expected);
  });
});
