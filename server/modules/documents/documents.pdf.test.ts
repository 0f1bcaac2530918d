import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { markdownToPdf } from './documents.pdf.js';

const textOf = async (pdf: Buffer) => {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
};

describe('PDF output', () => {
  it('embeds fonts that print Slovak, Czech, Polish, German and Russian exactly (text extracted back)', async () => {
    const lines = [
      'Žltý kôň úpěl ďábelské ódy',
      'Příliš žluťoučký kůň úpěl ďábelské ódy',
      'Zażółć gęślą jaźń',
      'Größe Straße, Äpfel und Übermaß',
      'Съешь же ещё этих мягких французских булок',
    ];
    const pdf = await markdownToPdf({ markdown: lines.join('\n\n'), title: 'Ľudia', author: 'Kilowatt', language: 'sk' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The whole page: the five paragraphs, then the footer (author and page number).
    expect(await textOf(pdf)).toBe([...lines, 'Kilowatt 1 / 1'].join('\n'));
    // Embedded subsets of Roboto, not a standard font that lacks these letters.
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('prints Markdown as headings, bold text, lists and tables, values escaped as typed', async () => {
    const pdf = await markdownToPdf({
      markdown: '# Ponuka\n\n**Tučné** a *kurzíva*\n\n- prvá\n- druhá\n\n| Položka | Suma |\n|---|---:|\n| Elektrina \\| plyn | 1\u00A0234,50\u00A0€ |\n',
      title: 't',
      author: 'Kilowatt',
      language: 'sk',
    });
    // Bullets are drawn, not text; the extractor reads a no-break space as a space.
    expect(await textOf(pdf)).toBe(['Ponuka', 'Tučné a kurzíva', 'prvá', 'druhá', 'Položka Suma', 'Elektrina | plyn 1 234,50 €', 'Kilowatt 1 / 1'].join('\n'));
  });
});
