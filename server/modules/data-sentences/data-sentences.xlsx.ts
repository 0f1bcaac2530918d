import ExcelJS from 'exceljs';
import type { Cell } from '../../../domain/data-sentences/cells.js';
import type { DataSentenceLayout } from '../../../domain/data-sentences/layout.js';

/**
 * The partner's XLSX: exactly the layout's columns, in their order, with their headers; each cell as `rowOf` wrote
 * it (text, a number or date with its Excel number format). Nothing else: no title rows, no extra columns, so the
 * partner's import reads it as agreed.
 */
export const dataSentenceWorkbook = async (layout: DataSentenceLayout, rows: Cell[][]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kilowatt';
  const sheet = workbook.addWorksheet(layout.sheetName);
  sheet.columns = layout.columns.map((column) => ({ header: column.header, width: Math.min(40, Math.max(12, column.header.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  for (const cells of rows) {
    const row = sheet.addRow(cells.map((cell) => cell.value));
    cells.forEach((cell, i) => {
      if (cell.numFmt) row.getCell(i + 1).numFmt = cell.numFmt;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
