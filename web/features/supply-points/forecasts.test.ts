import { describe, expect, it } from 'vitest';
import {
  decimalSeparator,
  emptyGrid,
  evenSplit,
  gridChanged,
  gridFromYear,
  gridToMonths,
  gridTotal,
  monthOfProblemPath,
  yearOptions,
} from './forecasts.js';

describe('forecast grid ↔ API', () => {
  it('places the stored months and leaves the others empty', () => {
    const grid = gridFromYear({
      year: 2026,
      months: [
        { month: 1, quantityKWh: '1200' },
        { month: 12, quantityKWh: '950.5' },
      ],
      totalKWh: '2150.5',
    });
    expect(grid).toHaveLength(12);
    expect(grid[0]).toBe('1200');
    expect(grid[11]).toBe('950.5');
    expect(grid.slice(1, 11).every((cell) => cell === '')).toBe(true);
    expect(gridFromYear(undefined)).toEqual(emptyGrid());
  });

  it('shows decimals with the locale’s separator, and reads them back', () => {
    expect(decimalSeparator('sk-SK')).toBe(',');
    expect(decimalSeparator('en-GB')).toBe('.');
    const grid = gridFromYear(
      { year: 2026, months: [{ month: 2, quantityKWh: '950.5' }], totalKWh: '950.5' },
      ',',
    );
    expect(grid[1]).toBe('950,5');
    expect(gridToMonths(grid, ',').months).toEqual([{ month: 2, quantityKWh: '950.5' }]);
    expect(evenSplit('100.5', ',')[11]).toBe('12,5');
  });

  it('sends typed quantities as API decimals and leaves empty months out', () => {
    const grid = emptyGrid();
    grid[0] = '1 200,5';
    grid[2] = ' ';
    grid[5] = '0';
    expect(gridToMonths(grid, ',')).toEqual({
      months: [
        { month: 1, quantityKWh: '1200.5' },
        { month: 6, quantityKWh: '0' },
      ],
      invalid: [],
    });
  });

  it('reports the months that are not quantities', () => {
    const grid = emptyGrid();
    grid[1] = '-5';
    grid[3] = '1.2345';
    grid[4] = 'abc';
    expect(gridToMonths(grid).invalid).toEqual([2, 4, 5]);
  });

  it('totals exactly, skipping what is not a quantity', () => {
    const grid = emptyGrid();
    grid[0] = '0.1';
    grid[1] = '0,2';
    grid[2] = 'x';
    expect(gridTotal(grid, ',')).toBe('0.3');
    expect(gridTotal(emptyGrid())).toBe('0');
  });

  it('compares by value, not by text', () => {
    const stored = gridFromYear({
      year: 2026,
      months: [{ month: 1, quantityKWh: '1200' }],
      totalKWh: '1200',
    });
    const same = [...stored];
    same[0] = '1 200,0';
    expect(gridChanged(same, stored, ',')).toBe(false);
    same[0] = '1,200.0';
    expect(gridChanged(same, stored, '.')).toBe(false);
    const other = [...stored];
    other[1] = '5';
    expect(gridChanged(other, stored)).toBe(true);
  });

  it('spreads an annual quantity evenly, December taking the remainder', () => {
    const grid = evenSplit('12500.5');
    expect(grid.slice(0, 11).every((cell) => cell === '1041')).toBe(true);
    expect(grid[11]).toBe('1049.5');
    expect(gridTotal(grid)).toBe('12500.5');
  });

  it('offers nearby years and every stored one', () => {
    expect(yearOptions(2026, [2019, 2026])).toEqual([2019, 2024, 2025, 2026, 2027, 2028, 2029]);
  });

  it('finds the month of a server problem by the index of what was sent', () => {
    const sent = [
      { month: 3, quantityKWh: '1' },
      { month: 7, quantityKWh: '2' },
    ];
    expect(monthOfProblemPath('months.1.quantityKWh', sent)).toBe(7);
    expect(monthOfProblemPath('months.0', sent)).toBe(3);
    expect(monthOfProblemPath('months.5.quantityKWh', sent)).toBeNull();
    expect(monthOfProblemPath('year', sent)).toBeNull();
  });
});
