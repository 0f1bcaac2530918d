import { Decimal } from 'decimal.js';
import { roundQuantity } from '../energy/quantity.js';
import type { ColumnFormat, DataSentenceField, DataSentenceLayout, LayoutColumn, datePatterns } from './layout.js';

/** One row's values by field: dates as `YYYY-MM-DD` strings, decimals as decimal strings, null when empty. */
export type DataSentenceRecord = Partial<Record<DataSentenceField, string | null>>;

/** What a cell holds: Excel number formats travel with numbers and dates so the partner's Excel shows them right. */
export type Cell = { value: string | number | Date | null; numFmt?: string };

export type CellProblem = { column: string; field: DataSentenceField | null; rule: 'not_a_date' | 'not_a_decimal' | 'unmapped_value'; value: string };

export type RowResult = { ok: true; cells: Cell[] } | { ok: false; problems: CellProblem[] };

const excelDateFormat: Record<string, string> = {
  'DD.MM.YYYY': 'dd.mm.yyyy',
  'D.M.YYYY': 'd.m.yyyy',
  'YYYY-MM-DD': 'yyyy-mm-dd',
  'DD/MM/YYYY': 'dd/mm/yyyy',
  YYYYMMDD: 'yyyymmdd',
};

type Day = { year: number; month: number; day: number };

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` calendar day, or null when it is not one (e.g. 2027-02-30). Cheaper than a date library per cell. */
const parseDay = (value: string): Day | null => {
  const match = isoDay.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? { year, month, day } : null;
};

const two = (n: number) => String(n).padStart(2, '0');
const four = (n: number) => String(n).padStart(4, '0');

const textDate: Record<(typeof datePatterns)[number], (d: Day) => string> = {
  'DD.MM.YYYY': (d) => `${two(d.day)}.${two(d.month)}.${four(d.year)}`,
  'D.M.YYYY': (d) => `${d.day}.${d.month}.${four(d.year)}`,
  'YYYY-MM-DD': (d) => `${four(d.year)}-${two(d.month)}-${two(d.day)}`,
  'DD/MM/YYYY': (d) => `${two(d.day)}/${two(d.month)}/${four(d.year)}`,
  YYYYMMDD: (d) => `${four(d.year)}${two(d.month)}${two(d.day)}`,
};

const numberFormat = (places: number): string => (places === 0 ? '0' : `0.${'0'.repeat(places)}`);

type Formatted = { ok: true; cell: Cell } | { ok: false; rule: CellProblem['rule'] };

/** Writes one value in a column's format; the rounding of decimals is half away from zero, as everywhere. */
export const formatCell = (value: string | null, format: ColumnFormat): Formatted => {
  if (value === null || value === '') return { ok: true, cell: { value: null } };
  switch (format.kind) {
    case 'text':
      return { ok: true, cell: { value } };
    case 'date': {
      const day = parseDay(value);
      if (!day) return { ok: false, rule: 'not_a_date' };
      if (format.excelDate) {
        // A date cell at UTC midnight: Excel has no time zones, and exceljs writes the UTC date.
        return { ok: true, cell: { value: new Date(Date.UTC(day.year, day.month - 1, day.day)), numFmt: excelDateFormat[format.pattern] } };
      }
      return { ok: true, cell: { value: textDate[format.pattern](day) } };
    }
    case 'decimal': {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return { ok: false, rule: 'not_a_decimal' };
      const rounded = roundQuantity(new Decimal(value), format.places);
      if (format.asText) return { ok: true, cell: { value: rounded.toFixed(format.places).replace('.', format.decimalSeparator) } };
      return { ok: true, cell: { value: rounded.toNumber(), numFmt: numberFormat(format.places) } };
    }
    case 'mapping': {
      const pair = format.pairs.find((p) => p.from === value);
      if (pair) return { ok: true, cell: { value: pair.to } };
      if (format.otherwise === 'empty') return { ok: true, cell: { value: null } };
      if (format.otherwise === 'keep') return { ok: true, cell: { value } };
      return { ok: false, rule: 'unmapped_value' };
    }
  }
};

const valueOf = (column: LayoutColumn, record: DataSentenceRecord): string | null =>
  column.source.kind === 'fixed' ? column.source.text : (record[column.source.field] ?? null);

/** One record's row in the layout's column order, or every problem of the row (never a half-written row). */
export const rowOf = (layout: DataSentenceLayout, record: DataSentenceRecord): RowResult => {
  const cells: Cell[] = [];
  const problems: CellProblem[] = [];
  for (const column of layout.columns) {
    const value = valueOf(column, record);
    const formatted = formatCell(value, column.format);
    if (formatted.ok) cells.push(formatted.cell);
    else problems.push({ column: column.header, field: column.source.kind === 'field' ? column.source.field : null, rule: formatted.rule, value: value ?? '' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cells };
};
