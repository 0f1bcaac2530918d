import { describe, expect, it } from 'vitest';
import { moveColumn, problemsByColumn } from './api.js';

describe('moveColumn', () => {
  it.each([
    ['up', ['a', 'b', 'c'], 1, -1, ['b', 'a', 'c']],
    ['down', ['a', 'b', 'c'], 1, 1, ['a', 'c', 'b']],
    ['not above the first', ['a', 'b'], 0, -1, ['a', 'b']],
    ['not below the last', ['a', 'b'], 1, 1, ['a', 'b']],
  ] as const)('moves a column %s', (_case, columns, from, step, expected) => {
    expect(moveColumn(columns, from, step)).toEqual(expected);
  });
});

describe('problemsByColumn', () => {
  it("puts each problem at its column and keeps the layout's own problems apart", () => {
    const { byColumn, other } = problemsByColumn([
      { path: 'layout.columns.3.format.pairs', code: 'duplicate_mapping', message: '' },
      { path: 'layout.columns.3', code: 'x' },
      { path: 'layout.columns', code: 'duplicate_header' },
      { path: 'partnerName', code: 'too_small' },
    ]);
    expect(byColumn.get(3)?.map((p) => p.code)).toEqual(['duplicate_mapping', 'x']);
    expect(other.map((p) => p.code)).toEqual(['duplicate_header', 'too_small']);
  });
});
