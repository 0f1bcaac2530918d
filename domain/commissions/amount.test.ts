import { describe, expect, it } from 'vitest';
import { commissionAmount, deliveredMonthsOf, deliveryMonthsOf, proRataClawback, type CommissionBase } from './amount.js';
import type { CommissionBasis } from './rules.js';

const year: CommissionBase = { annualMWh: '120.5', deliveryMonths: 12, margin: '2410.37' };

describe('commissionAmount', () => {
  it.each<[string, CommissionBasis, CommissionBase, string, string]>([
    // 120.5 MWh × 1.50 = 180.75
    ['per MWh over a year', { kind: 'perMWh', amount: '1.50' }, year, '180.75', '120.5 MWh × 1.50'],
    // 120.5 × 24 / 12 = 241 MWh × 1.50 = 361.50
    ['per MWh over two years', { kind: 'perMWh', amount: '1.50' }, { ...year, deliveryMonths: 24 }, '361.50', '241 MWh × 1.50'],
    // 10 MWh × 7 / 12 = 5.8333… MWh × 2.00 = 11.666… → 11.67 (rounded once, at the end)
    ['per MWh over seven months, rounded once', { kind: 'perMWh', amount: '2.00' }, { annualMWh: '10', deliveryMonths: 7, margin: null }, '11.67', '5.833 MWh × 2.00'],
    ['a fixed amount per supply point', { kind: 'perSupplyPoint', amount: '50' }, year, '50.00', '1 × 50'],
    // 2410.37 × 10 % = 241.037 → 241.04
    ['a percentage of the margin, half up', { kind: 'marginPercent', percent: '10' }, year, '241.04', '10 % × 2410.37'],
  ])('%s', (_case, basis, base, amount, explanation) => {
    const result = commissionAmount(basis, base, 'EUR');
    expect(result.ok && [result.amount.toFixed(2), result.explanation]).toEqual([amount, explanation]);
  });

  it('reports what a rule needs and the contract lacks, instead of zero', () => {
    expect(commissionAmount({ kind: 'perMWh', amount: '1' }, { ...year, annualMWh: null }, 'EUR')).toEqual({ ok: false, missing: 'annualMWh' });
    expect(commissionAmount({ kind: 'marginPercent', percent: '5' }, { ...year, margin: null }, 'EUR')).toEqual({ ok: false, missing: 'margin' });
  });
});

describe('proRataClawback', () => {
  it.each<[string, string, number, number, string]>([
    ['terminated after 3 of 12 months takes back 9/12', '1200.00', 12, 3, '-900.00'],
    ['cancelled before delivery takes back everything', '180.75', 12, 0, '-180.75'],
    ['delivered in full takes back nothing', '180.75', 12, 12, '0.00'],
    // 100 × 2 / 3 = 66.666… → 66.67
    ['a third delivered, rounded half up', '100.00', 3, 1, '-66.67'],
    ['more months than contracted count as all delivered', '50.00', 12, 15, '0.00'],
  ])('%s', (_case, paid, months, delivered, clawback) => {
    expect(proRataClawback(paid, months, delivered, 'EUR').toFixed(2)).toBe(clawback);
  });
});

describe('deliveryMonthsOf', () => {
  it.each<[string, string, string | null, number]>([
    ['a calendar year', '2027-01-01', '2027-12-31', 12],
    ['two years', '2027-01-01', '2028-12-31', 24],
    ['from mid-month to mid-month', '2027-03-15', '2028-03-14', 12],
    ['half a month rounds up to one', '2027-01-01', '2027-01-15', 1],
    ['a few days still count one month', '2027-01-01', '2027-01-03', 1],
    ['seven months and a week round down', '2027-01-01', '2027-08-07', 7],
    ['an indefinite contract counts a year', '2027-01-01', null, 12],
  ])('%s', (_case, start, end, months) => {
    expect(deliveryMonthsOf(start, end)).toBe(months);
  });
});

describe('deliveredMonthsOf', () => {
  it.each<[string, string, string, number]>([
    ['ended on the first day: nothing delivered', '2027-01-01', '2027-01-01', 0],
    ['ended before the start: nothing', '2027-01-01', '2026-12-15', 0],
    ['three whole months', '2027-01-01', '2027-04-01', 3],
    ['a month short of a day is not yet a month', '2027-01-15', '2027-02-14', 0],
    ['a year', '2027-01-01', '2028-01-01', 12],
  ])('%s', (_case, start, ended, months) => {
    expect(deliveredMonthsOf(start, ended)).toBe(months);
  });
});
