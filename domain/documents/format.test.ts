import { describe, expect, it } from 'vitest';
import { defaultTemplates } from './defaults.js';
import { fillTemplate } from './fill.js';
import { escapeMarkdown, formatDate, formatDecimal, formatLeaf, formatMoney, formatPercent } from './format.js';
import { markdownToPdfContent } from './markdown-pdf.js';
import { sampleDataOf } from './samples.js';

const nb = '\u00A0';

/** The text pdfmake would print, one line per block or table cell row. */
const textOf = (content: unknown): string => {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map(textOf).join('');
  if (content && typeof content === 'object') {
    const node = content as Record<string, unknown>;
    if ('table' in node) return ((node.table as { body: unknown[][] }).body).map((row) => row.map(textOf).join(' | ')).join('\n');
    if ('text' in node) return textOf(node.text);
    for (const key of ['stack', 'ul', 'ol']) if (key in node) return (node[key] as unknown[]).map(textOf).join('\n');
  }
  return '';
};

describe('formatting for the document language', () => {
  // Expected strings follow each locale's CLDR conventions (decimal comma in sk/cs/de/pl/ru, no-break space groups).
  it.each([
    ['sk', '1234567.891', `1${nb}234${nb}567,89${nb}€`],
    ['cs', '1234567.891', `1${nb}234${nb}567,89${nb}€`],
    ['de', '1234567.891', `1.234.567,89${nb}€`],
    ['pl', '1234567.891', `1${nb}234${nb}567,89${nb}€`],
    ['ru', '1234567.891', `1${nb}234${nb}567,89${nb}€`],
    ['en', '1234567.891', '€1,234,567.89'],
  ] as const)('money in %s', (language, value, expected) => {
    expect(formatMoney(value, 'EUR', language)).toBe(expected);
  });

  it('rounds money half away from zero, once, without floats', () => {
    expect(formatMoney('0.005', 'EUR', 'en')).toBe('€0.01');
    expect(formatMoney('1.004999', 'EUR', 'en')).toBe('€1.00');
    expect(formatMoney('-2.345', 'EUR', 'en')).toBe('-€2.35');
    // 1.005 is 1.00499999999999989… as a float; as a decimal string it rounds up.
    expect(formatMoney('1.005', 'EUR', 'en')).toBe('€1.01');
    expect(formatMoney('12345678901234.565', 'CZK', 'cs')).toBe(`12${nb}345${nb}678${nb}901${nb}234,57${nb}Kč`);
  });

  it.each([
    ['sk', '182.5', '182,5'],
    ['en', '1234.5678', '1,234.568'],
    ['de', '540', '540'],
    ['pl', '12345.6', `12${nb}345,6`],
  ] as const)('decimals in %s', (language, value, expected) => {
    expect(formatDecimal(value, language)).toBe(expected);
  });

  it.each([
    ['sk', '10.856', `10,86${nb}%`],
    ['en', '8.3', '8.3%'],
    ['de', '-4', `-4,0${nb}%`],
  ] as const)('per cent in %s', (language, value, expected) => {
    expect(formatPercent(value, language)).toBe(expected);
  });

  it.each([
    ['sk', `31.${nb}12.${nb}2027`],
    ['cs', `31.${nb}12.${nb}2027`],
    ['de', '31.12.2027'],
    ['pl', '31.12.2027'],
    ['ru', '31.12.2027'],
    ['en', '31/12/2027'],
  ] as const)('dates in %s', (language, expected) => {
    expect(formatDate('2027-12-31', language)).toBe(expected);
  });

  it('labels the commodity in the document language and leaves null empty', () => {
    expect(formatLeaf('commodity', 'gas', { language: 'de', currency: 'EUR' })).toBe('Gas');
    expect(formatLeaf('commodity', 'electricity', { language: 'sk', currency: 'EUR' })).toBe('elektrina');
    expect(formatLeaf('money', null, { language: 'sk', currency: 'EUR' })).toBe('');
  });

  it('escapes values so they cannot change the Markdown', () => {
    expect(escapeMarkdown('*Best* | [Energy] #1')).toBe('\\*Best\\* \\| \\[Energy\\] \\#1');
    const content = markdownToPdfContent(`| a |\n|---|\n| ${formatLeaf('text', 'x | y *z*', { language: 'sk', currency: 'EUR' })} |`);
    expect(textOf(content)).toBe('a\nx | y *z*');
    expect(JSON.stringify(content)).not.toContain('"bold":true,"text":"z"');
  });
});

describe('fillTemplate', () => {
  it('fills the offer template with the saving per line and in total, in Slovak', () => {
    const markdown = fillTemplate('offer', defaultTemplates.offer.body, sampleDataOf('offer'), { language: 'sk', currency: 'EUR' });
    const lines = markdownToPdfContent(markdown).map(textOf);
    const d = (day: string) => day.replace(/ /g, nb);
    expect(lines).toContain(
      [
        'Odberné miesto | Produkt | Obdobie dodávky | Množstvo | Súčasné náklady | Ponúkané náklady | Úspora | Úspora',
        `24ZZS7008250000X (elektrina) | Fix Biznis 2027 | ${d('1. 1. 2027')} – ${d('31. 12. 2027')} | 182,5 MWh | 31${nb}937,50${nb}€ | 28${nb}470,00${nb}€ | 3${nb}467,50${nb}€ | 10,86${nb}%`,
        `SKSPPDIS000410123456 (plyn) | Plyn Fix 2027 | ${d('1. 1. 2027')} – ${d('31. 12. 2027')} | 540 MWh | 29${nb}160,00${nb}€ | 26${nb}730,00${nb}€ | 2${nb}430,00${nb}€ | 8,33${nb}%`,
        `Spolu |  |  | 722,5 MWh | 61${nb}097,50${nb}€ | 55${nb}200,00${nb}€ | 5${nb}897,50${nb}€ | 9,65${nb}%`,
      ].join('\n'),
    );
    expect(lines).toContain(
      [
        `24ZZS7008250000X, Hlavná 12, Žilina: dnes za 182,5 MWh platíte 31${nb}937,50${nb}€, s produktom Fix Biznis 2027 zaplatíte 28${nb}470,00${nb}€. Ušetríte 3${nb}467,50${nb}€, teda 10,86${nb}%.`,
        `SKSPPDIS000410123456, Kotolňa Vlčince, Študentská 3, Žilina: dnes za 540 MWh platíte 29${nb}160,00${nb}€, s produktom Plyn Fix 2027 zaplatíte 26${nb}730,00${nb}€. Ušetríte 2${nb}430,00${nb}€, teda 8,33${nb}%.`,
      ].join('\n'),
    );
    expect(lines.some((l) => l.includes(`ušetríte 5${nb}897,50${nb}€ (9,65${nb}%)`))).toBe(true);
    expect(markdown).not.toContain('{{');
  });

  it('refuses a template with unknown placeholders', () => {
    expect(() => fillTemplate('letter', '{{client.nme}}', sampleDataOf('letter'), { language: 'sk', currency: 'EUR' })).toThrow(/client\.nme/);
  });
});
