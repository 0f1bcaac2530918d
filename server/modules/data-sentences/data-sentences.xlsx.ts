import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { Cell } from '../../../domain/data-sentences/cells.js';
import type { DataSentenceLayout } from '../../../domain/data-sentences/layout.js';

/**
 * The partner's XLSX: exactly the layout's columns, in their order, with their headers; each cell as `rowOf` wrote
 * it (text, or a number or date with its Excel number format). Nothing else: no title rows, no extra columns, so the
 * partner's import reads it as agreed. Written with exceljs's streaming writer, row by row, so a data sentence of
 * tens of thousands of rows never holds the whole workbook model (bench/data-sentence.ts).
 */
export const dataSentenceWorkbook = async (layout: DataSentenceLayout, rows: Iterable<Cell[]>): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Kilowatt';
  const sheet = workbook.addWorksheet(layout.sheetName);
  sheet.columns = layout.columns.map((column) => ({ width: Math.min(40, Math.max(12, column.header.length + 2)) }));
  const header = sheet.addRow(layout.columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  for (const cells of rows) {
    const row = sheet.addRow(cells.map((cell) => cell.value));
    for (let i = 0; i < cells.length; i += 1) {
      const numFmt = cells[i]!.numFmt;
      if (numFmt) row.getCell(i + 1).numFmt = numFmt;
    }
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
};
