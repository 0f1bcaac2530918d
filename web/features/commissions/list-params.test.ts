import { describe, expect, it } from 'vitest';
import { commissionOrder, currentPeriod, isPeriod, readCommissionParams } from './list-params.js';

describe('commission list parameters', () => {
  it('read known, well-formed filters from the address and ignore the rest', () => {
    const search = new URLSearchParams('kind=sales&entry=refund&createdFrom=2026-01-01&createdTo=tomorrow&sort=-amount&userId=u-1&x=1');
    expect(readCommissionParams(search)).toEqual({ kind: 'sales', createdFrom: '2026-01-01', sort: '-amount', userId: 'u-1' });
  });

  it('sort newest first by default; a click flips the sorted column, another starts descending', () => {
    expect(commissionOrder.parse(undefined)).toEqual({ field: 'createdAt', direction: 'desc' });
    expect(commissionOrder.next(undefined, 'createdAt')).toBe('createdAt');
    expect(commissionOrder.next('createdAt', 'createdAt')).toBe('-createdAt');
    expect(commissionOrder.next(undefined, 'amount')).toBe('-amount');
    expect(commissionOrder.next('-amount', 'amount')).toBe('amount');
  });

  it('name months as YYYY-MM', () => {
    expect(currentPeriod(new Date(2026, 0, 31))).toBe('2026-01');
    expect(isPeriod('2026-12')).toBe(true);
    expect(isPeriod('2026-13')).toBe(false);
    expect(isPeriod('')).toBe(false);
  });
});
