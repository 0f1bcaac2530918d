import ExcelJS from 'exceljs';
import { formattersFor, translate, type Language } from '../../http/i18n.js';
import { markdownToPdf } from '../documents/documents.pdf.js';
import type { StatementDetail } from './commissions.api.js';

/** The file name of a statement: person and month, e.g. "provizie-2027-01-jana-novakova". */
export const statementFileName = (statement: StatementDetail, extension: 'pdf' | 'xlsx'): string => {
  const person = (statement.userName ?? statement.userId)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `commissions-${statement.period}-${person}.${extension}`;
};

const labelsOf = (language: Language) => {
  const t = (key: string) => translate(language, `commissions.${key}`);
  const format = formattersFor(language);
  const eventOf = (event: string, months: number | null, cancelsPosition: number | null) => {
    if (cancelsPosition !== null) return t('event.cancelsStage').replace('{{position}}', String(cancelsPosition));
    if (months === null) return t(`event.${event}`);
    // "12 months after start of supply" in the language's plural form (Slovak: 1 mesiac, 2 mesiace, 5 mesiacov).
    const form = t(`rules.trigger.monthsAfterSupplyStart_${new Intl.PluralRules(language).select(months)}`);
    return (form.startsWith('commissions.') ? t('rules.trigger.monthsAfterSupplyStart_other') : form).replace('{{count}}', String(months));
  };
  return { t, format, eventOf };
};

const headerRows = (statement: StatementDetail, language: Language): [string, string][] => {
  const { t, format } = labelsOf(language);
  return [
    [t('statement.person'), statement.userName ?? ''],
    [t('statement.period'), statement.period],
    [t('statement.approvedBy'), statement.approvedAt ? `${statement.approvedByName ?? ''}, ${format.date(statement.approvedAt.toISOString().slice(0, 10))}` : t('statement.draft')],
    [t('statement.commissionTotal'), `${statement.commissionTotal} ${statement.currency}`],
    [t('statement.clawbackTotal'), `${statement.clawbackTotal} ${statement.currency}`],
    [t('statement.total'), `${statement.total} ${statement.currency}`],
  ];
};

/** The statement as XLSX: who, which month, who approved it, then one row per payout with what explains it. */
export const statementWorkbook = async (statement: StatementDetail, language: Language): Promise<Buffer> => {
  const { t, eventOf } = labelsOf(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kilowatt';
  const sheet = workbook.addWorksheet(statement.period);
  for (const [label, value] of headerRows(statement, language)) sheet.addRow([label, value]).getCell(1).font = { bold: true };
  sheet.addRow([]);
  const header = sheet.addRow([
    t('fields.dueOn'),
    t('fields.contract'),
    t('fields.client'),
    t('fields.supplyPoint'),
    t('fields.rule'),
    t('fields.entry'),
    t('fields.explanation'),
    t('fields.share'),
    t('fields.event'),
    t('fields.amount'),
  ]);
  header.font = { bold: true };
  for (const line of statement.lines) {
    const row = sheet.addRow([
      line.dueOn,
      line.contractNumber,
      line.clientName,
      line.supplyPointIdentifier,
      line.ruleName,
      t(`entry.${line.entry}`),
      line.explanation,
      line.share,
      `${line.position}: ${eventOf(line.event, line.months, line.cancelsPosition)}`,
      Number(line.amount),
    ]);
    row.getCell(10).numFmt = '#,##0.00';
  }
  const total = sheet.addRow(['', '', '', '', '', '', '', '', t('statement.total'), Number(statement.total)]);
  total.font = { bold: true };
  total.getCell(10).numFmt = '#,##0.00';
  sheet.columns.forEach((column, i) => {
    column.width = [12, 16, 28, 26, 24, 14, 28, 10, 26, 14][i] ?? 14;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

const cell = (value: string | null) => (value ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The statement as PDF, from the same data as the screen and the XLSX. */
export const statementPdf = async (statement: StatementDetail, language: Language, ownerName: string): Promise<Buffer> => {
  const { t, eventOf } = labelsOf(language);
  const markdown = [
    `# ${t('statement.title')} ${statement.period}`,
    '',
    `**${cell(ownerName)}**`,
    '',
    ...headerRows(statement, language).map(([label, value]) => `- ${label}: **${cell(value)}**`),
    '',
    statement.lines.length === 0
      ? t('statement.empty')
      : [
          `| ${[t('fields.dueOn'), t('fields.contract'), t('fields.supplyPoint'), t('fields.rule'), t('fields.explanation'), t('fields.share'), t('fields.amount')].join(' | ')} |`,
          '|---|---|---|---|---|---:|---:|',
          ...statement.lines.map(
            (l) =>
              `| ${[l.dueOn, l.contractNumber, l.supplyPointIdentifier, `${l.ruleName} (${eventOf(l.event, l.months, l.cancelsPosition)})`, `${t(`entry.${l.entry}`)}: ${l.explanation}`, l.share ?? '', l.amount].map(cell).join(' | ')} |`,
          ),
          `| **${t('statement.total')}** | | | | | | **${statement.total}** |`,
        ].join('\n'),
  ].join('\n');
  return markdownToPdf({ markdown, title: `${t('statement.title')} ${statement.period}`, author: ownerName, language });
};
