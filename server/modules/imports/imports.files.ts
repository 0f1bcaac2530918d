import { parse as parseCsv, CsvError } from 'csv-parse';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { AppError, invalidField } from '../../http/errors.js';

/** One row of a spreadsheet: its number as the spreadsheet shows it and its cells as text. */
export type SheetRow = { rowNumber: number; values: string[] };
export type FileType = 'csv' | 'xlsx';

/** Most data rows one import takes; a larger file is split by the user (also bounds memory and time). */
export const maxDataRows = 100_000;
const maxColumns = 200;
const maxCellLength = 4000;

export const notASpreadsheet = (detail: string): AppError => invalidField('file', 'not_a_spreadsheet', detail);
export const emptyFile = (): AppError => invalidField('file', 'empty', 'the file has no data rows below the header row');

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (buffer: Buffer, magic: number[]) => magic.every((byte, i) => buffer[i] === byte);

/** By content, never by the declared type: an XLSX is a zip; anything else must decode as text. */
export const detectFileType = (buffer: Buffer): FileType => {
  if (buffer.length === 0) throw invalidField('file', 'empty', 'the file is empty');
  if (startsWith(buffer, zipMagic)) return 'xlsx';
  if (startsWith(buffer, oleMagic)) throw notASpreadsheet('an old Excel (.xls) or other OLE file: save it as .xlsx or CSV');
  return 'csv';
};

// ------------------------------------------------------------------------------------------------ CSV

/** Control characters other than tab and line breaks, DEL, and the replacement character of undecodable bytes. */
const isControl = (code: number) => (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f || code === 0xfffd;

/**
 * Decodes CSV text: UTF-16 with its BOM, UTF-8 (a BOM is dropped), else Windows-1250, which Czech and Slovak
 * Excel still writes. Bytes that are not text (NUL, control characters) make it "not a spreadsheet".
 */
export const decodeText = (buffer: Buffer): string => {
  let text: string;
  if (buffer[0] === 0xff && buffer[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buffer);
  else if (buffer[0] === 0xfe && buffer[1] === 0xff) text = new TextDecoder('utf-16be').decode(buffer);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    } catch {
      text = new TextDecoder('windows-1250').decode(buffer);
    }
  }
  const head = text.slice(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < head.length; i++) if (isControl(head.charCodeAt(i))) control += 1;
  if (head.includes('\u0000') || control > head.length / 100) throw notASpreadsheet('the file is neither an XLSX workbook nor CSV text');
  return text;
};

/** The delimiter used most in the first record outside quotes: `;` (Czech/Slovak Excel), `,` or tab. */
export const detectDelimiter = (text: string): string => {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if ([...counts.values()].some((n) => n > 0)) break;
    } else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [delimiter, n] of counts) if (n > counts.get(best)!) best = delimiter;
  return best;
};

async function* csvRows(buffer: Buffer): AsyncGenerator<SheetRow> {
  let text = decodeText(buffer);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Excel's hint line "sep=;" names the delimiter and is not data.
  const hint = /^sep=(.)\r?\n/i.exec(text);
  const delimiter = hint ? hint[1]! : detectDelimiter(text);
  const lineOffset = hint ? 1 : 0;
  if (hint) text = text.slice(hint[0].length);
  // One line ending, so line numbers count the way an editor shows them (also inside quoted cells).
  text = text.replace(/\r\n?/g, '\n');
  const parser = Readable.from([text]).pipe(
    parseCsv({ delimiter, bom: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: 1024 * 1024 }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // `lines` is the line the record ends on; a quoted cell may span lines, so count back to where it starts.
      const inner = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      yield { rowNumber: info.lines - inner + lineOffset, values: record };
    }
  } catch (error) {
    if (error instanceof CsvError) throw invalidField('file', 'malformed_csv', `the CSV cannot be read: ${error.message}`);
    throw error;
  }
}

// ----------------------------------------------------------------------------------------------- XLSX

/** A cell as the user sees it: formulas by their result, rich text as plain text, numbers without exponent. */
export const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString();
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
  }
  return '';
};

async function* xlsxRows(buffer: Buffer): AsyncGenerator<SheetRow> {
  // The streaming reader keeps one row at a time (plus the shared strings), not the whole workbook.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sawSheet = false;
  try {
    for await (const sheet of reader) {
      sawSheet = true;
      for await (const row of sheet) {
        const cells = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield { rowNumber: row.number, values: Array.from(cells, cellText) };
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notASpreadsheet('the file is a zip archive but not a readable XLSX workbook');
  }
  if (!sawSheet) throw notASpreadsheet('the zip archive contains no worksheet');
}

// ------------------------------------------------------------------------------------------------ both

const isBlankRow = (values: string[]) => values.every((v) => v.trim() === '');

/** Column names made usable as mapping targets: trimmed, never empty, unique. */
export const uniqueHeaders = (raw: string[]): string[] => {
  const cells = raw.map((h) => h.replace(/\s+/g, ' ').trim());
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = cell || `Column ${i + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
};

export type SheetReader = { fileType: FileType; headers: string[]; rows: AsyncGenerator<SheetRow> };

/**
 * Opens a CSV or XLSX file: the first non-blank row is the header row; `rows` then yields every non-blank data
 * row with its cells aligned to the headers (missing cells empty, cells beyond the last header dropped).
 */
export const openSheet = async (buffer: Buffer): Promise<SheetReader> => {
  const fileType = detectFileType(buffer);
  const source = fileType === 'xlsx' ? xlsxRows(buffer) : csvRows(buffer);
  let header: SheetRow | undefined;
  for (;;) {
    const next = await source.next();
    if (next.done) throw emptyFile();
    if (!isBlankRow(next.value.values)) {
      header = next.value;
      break;
    }
  }
  const headers = uniqueHeaders(header.values);
  if (headers.length === 0) throw emptyFile();
  if (headers.length > maxColumns) throw invalidField('file', 'too_many_columns', `the file has more than ${maxColumns} columns`);
  async function* rows(): AsyncGenerator<SheetRow> {
    let count = 0;
    for await (const row of source) {
      if (isBlankRow(row.values)) continue;
      count += 1;
      if (count > maxDataRows) throw invalidField('file', 'too_many_rows', `the file has more than ${maxDataRows} data rows; split it`);
      yield {
        rowNumber: row.rowNumber,
        values: headers.map((_, i) => (row.values[i] ?? '').trim().slice(0, maxCellLength)),
      };
    }
  }
  return { fileType, headers, rows: rows() };
};
