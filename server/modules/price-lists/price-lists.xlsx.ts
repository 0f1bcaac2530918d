import ExcelJS from 'exceljs';
import type { ServiceContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { assertCan } from '../auth/permissions.js';
import { Price, type PriceListImportBody, type PriceListResponse } from './price-lists.api.js';
import { createPriceList, getPriceList, getProduct } from './price-lists.service.js';

/**
 * Price lists as XLSX (OFFER-1): the template, the export of a version and the import read the same four columns,
 * so an exported price list imports back unchanged. Headers are matched by their key in brackets, so a translated
 * header text does not matter.
 */
const columns = [
  { key: 'tariffCode', header: 'Tariff (band or distribution rate; empty = every tariff) [tariffCode]', width: 34 },
  { key: 'pricePerMWh', header: 'Price per MWh [pricePerMWh]', width: 22 },
  { key: 'monthlyFee', header: 'Monthly fee [monthlyFee]', width: 22 },
  { key: 'purchasePerMWh', header: 'Purchase cost per MWh [purchasePerMWh]', width: 26 },
] as const;
type ColumnKey = (typeof columns)[number]['key'];

type Row = PriceListResponse['rows'][number];

const workbookOf = async (rows: readonly Row[]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kilowatt';
  const sheet = workbook.addWorksheet('Price list');
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Prices stay text, so Excel shows exactly the decimals stored (no binary floating point on the way back).
  for (const r of rows) sheet.addRow([r.tariffCode ?? '', r.pricePerMWh, r.monthlyFee, r.purchasePerMWh ?? '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

export const priceListTemplate = (): Promise<Buffer> =>
  workbookOf([
    { tariffCode: 'DD1', pricePerMWh: '149.90', monthlyFee: '1.49', purchasePerMWh: '98.50' },
    { tariffCode: 'DD2', pricePerMWh: '129.90', monthlyFee: '1.99', purchasePerMWh: '98.50' },
  ]);

export const exportPriceList = async (ctx: ServiceContext, id: string): Promise<{ buffer: Buffer; list: PriceListResponse }> => {
  const list = await getPriceList(ctx, id);
  return { buffer: await workbookOf(list.rows), list };
};

export type ImportProblem = { row: number; column: string; code: string; message: string };

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('').trim();
  return String(value as unknown).trim();
};

/** Reads a price-list workbook: its rows and every problem, naming the sheet row (as Excel numbers it) and column. */
export const readPriceListWorkbook = async (file: Buffer): Promise<{ rows: Row[]; errors: ImportProblem[] }> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: [{ row: 0, column: 'file', code: 'not_xlsx', message: 'The file is not an XLSX workbook' }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], errors: [{ row: 0, column: 'file', code: 'empty', message: 'The workbook has no sheet' }] };
  const positions = new Map<ColumnKey, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value);
    const key = /\[(\w+)\]\s*$/.exec(text)?.[1] ?? text;
    const column = columns.find((c) => c.key === key);
    if (column) positions.set(column.key, col);
  });
  const errors: ImportProblem[] = [];
  for (const c of columns) {
    if (c.key !== 'purchasePerMWh' && !positions.has(c.key)) {
      errors.push({ row: 1, column: c.key, code: 'missing_column', message: `Row 1: the column ${c.key} is missing` });
    }
  }
  if (errors.length > 0) return { rows: [], errors };
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const read = (key: ColumnKey) => (positions.has(key) ? cellText(row.getCell(positions.get(key)!).value) : '');
    const values = { tariffCode: read('tariffCode'), pricePerMWh: read('pricePerMWh'), monthlyFee: read('monthlyFee'), purchasePerMWh: read('purchasePerMWh') };
    if (Object.values(values).every((v) => v === '')) return;
    const price = (key: 'pricePerMWh' | 'monthlyFee' | 'purchasePerMWh', required: boolean) => {
      const text = values[key].replace(',', '.');
      if (text === '') {
        if (required) errors.push({ row: number, column: key, code: 'required', message: `Row ${number}, ${key}: a value is required` });
        return null;
      }
      if (!Price.safeParse(text).success) {
        errors.push({ row: number, column: key, code: 'invalid_price', message: `Row ${number}, ${key}: "${values[key]}" is not a non-negative price with at most 4 decimals` });
        return null;
      }
      return text;
    };
    const tariffCode = values.tariffCode === '' ? null : values.tariffCode;
    if (tariffCode && tariffCode.length > 40) errors.push({ row: number, column: 'tariffCode', code: 'too_long', message: `Row ${number}, tariffCode: at most 40 characters` });
    const key = tariffCode ?? '';
    if (seen.has(key)) {
      errors.push({ row: number, column: 'tariffCode', code: 'duplicate', message: `Row ${number}, tariffCode: ${tariffCode ?? 'the row for every tariff'} is already in row ${seen.get(key)}` });
    } else seen.set(key, number);
    const pricePerMWh = price('pricePerMWh', true);
    const monthlyFee = price('monthlyFee', true);
    const purchasePerMWh = price('purchasePerMWh', false);
    if (pricePerMWh !== null && monthlyFee !== null) rows.push({ tariffCode, pricePerMWh, monthlyFee, purchasePerMWh });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ row: 2, column: 'tariffCode', code: 'no_rows', message: 'The sheet has no price rows' });
  return { rows, errors };
};

/**
 * Imports a price list for a product: a preview returns the rows and problems; a commit creates the price list
 * (one transaction, through createPriceList with all its rules) or, with any problem in the file, refuses with 400
 * naming each row and column and writes nothing.
 */
export const importPriceList = async (ctx: ServiceContext, productId: string, input: PriceListImportBody) => {
  assertCan(ctx.actor, 'admin.pricing');
  const { rows, errors } = await readPriceListWorkbook(Buffer.from(input.file, 'base64'));
  if (!input.commit) {
    // A preview for a product outside the caller's rights is still a 404.
    await getProduct(ctx, productId);
    return { rows, errors, priceList: null };
  }
  if (errors.length > 0) {
    throw new AppError('validation', errors.map((e) => e.message).join('; '), {
      errors: errors.map((e) => ({ path: `file.rows.${e.row}.${e.column}`, code: e.code, message: e.message })),
    });
  }
  const priceList = await createPriceList(ctx, productId, { validFrom: input.validFrom, validTo: input.validTo ?? null, note: input.note ?? null, rows });
  return { rows, errors, priceList };
};

