import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { languages } from './i18n.js';

/** An export's `?language=`: headers and labels as the list shows them in that UI language. */
export const ExportLanguage = z
  .enum(languages)
  .optional()
  .describe("Language of the headers and labels, as the list shows them; the caller's profile language by default");

/** A download's Content-Disposition: an ASCII fallback name and the exact UTF-8 one (RFC 6266), e.g. Slovak names. */
export const attachmentDisposition = (fileName: string): string =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export type ExportColumn<T> = { header: string; value: (row: T) => string | number | Date | boolean | null; width?: number };

const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Writes a list export as XLSX (via exceljs) or CSV with the list's own columns and order. */
export const sendExport = async <T>(
  reply: FastifyReply,
  options: { format: 'xlsx' | 'csv'; name: string; sheet: string; columns: ExportColumn<T>[]; rows: T[] },
) => {
  const stamp = new Date().toISOString().slice(0, 10);
  const filename = `${options.name}-${stamp}.${options.format}`;
  reply.header('content-disposition', `attachment; filename="${filename}"`);
  if (options.format === 'csv') {
    const lines = [options.columns.map((c) => csvCell(c.header)).join(',')];
    for (const row of options.rows) lines.push(options.columns.map((c) => csvCell(c.value(row))).join(','));
    // The byte-order mark makes Excel read the file as UTF-8 (Slovak and Czech names).
    return reply.type('text/csv; charset=utf-8').send(`\uFEFF${lines.join('\r\n')}\r\n`);
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kilowatt';
  const sheet = workbook.addWorksheet(options.sheet);
  sheet.columns = options.columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of options.rows) sheet.addRow(options.columns.map((c) => c.value(row)));
  const buffer = await workbook.xlsx.writeBuffer();
  return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(Buffer.from(buffer));
};
