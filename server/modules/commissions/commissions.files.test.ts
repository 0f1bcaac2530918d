import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { StatementDetail } from './commissions.api.js';
import { statementFileName, statementWorkbook } from './commissions.files.js';

const line = (position: number, event: string, months: number | null, amount: string, cancelsPosition: number | null = null) => ({
  payoutId: `00000000-0000-4000-8000-00000000000${position}`,
  commissionId: '00000000-0000-4000-8000-000000000010',
  entry: 'commission' as const,
  contractNumber: 'KW-2026-00042',
  clientName: 'Zlievareň Žiar a.s.',
  supplyPointIdentifier: '24ZZS0000000001X',
  ruleName: 'Voltia — elektrina, firmy',
  share: '100',
  explanation: '120.5 MWh × 2.00',
  position,
  event,
  months,
  cancelsPosition,
  dueOn: '2026-11-20',
  amount,
});

const statement: StatementDetail = {
  id: '00000000-0000-4000-8000-000000000099',
  userId: '00000000-0000-4000-8000-000000000098',
  userName: 'Simona Predajná',
  period: '2026-11',
  currency: 'EUR',
  commissionTotal: '241.00',
  clawbackTotal: '0.00',
  total: '241.00',
  lineCount: 4,
  approvedAt: new Date('2026-12-02T09:00:00Z'),
  approvedBy: '00000000-0000-4000-8000-000000000097',
  approvedByName: 'Františka Financová',
  lines: [
    line(1, 'signature', null, '72.30'),
    line(2, 'monthsAfterSupplyStart', 3, '72.30'),
    line(3, 'monthsAfterSupplyStart', 12, '96.40'),
    line(2, 'contractEnd', null, '-96.40', 3),
  ],
};

const eventColumn = async (language: 'en' | 'sk') => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await statementWorkbook(statement, language)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  return [9, 10, 11, 12].map((row) => sheet.getRow(row).getCell(9).value);
};

describe('the statement XLSX', () => {
  it.each<['en' | 'sk', string[]]>([
    ['en', ['1: on signature', '2: 3 months after start of supply', '3: 12 months after start of supply', '2: on contract end, cancels stage 3']],
    ['sk', ['1: pri podpise', '2: 3 mesiace po začiatku dodávky', '3: 12 mesiacov po začiatku dodávky', '2: pri ukončení zmluvy, ruší etapu 3']],
  ])('names each stage with its months in the plural of %s', async (language, events) => {
    expect(await eventColumn(language)).toEqual(events);
  });

  it('is named by month and person, without diacritics', () => {
    expect(statementFileName(statement, 'xlsx')).toBe('commissions-2026-11-simona-predajna.xlsx');
  });
});
