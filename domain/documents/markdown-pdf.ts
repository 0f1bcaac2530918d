import type { Alignment, Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { Lexer, type Token, type Tokens } from 'marked';

/**
 * A template's body is Markdown (after its placeholders are filled). This maps the parts a business document
 * needs onto pdfmake content: headings, paragraphs, bold/italic/strikethrough, bullet and numbered lists,
 * tables (column alignment from `:---:` / `---:`), rules and quotes. Links print their text; images and raw HTML
 * are not rendered (a template never fetches anything).
 */

type Inline = { text: string | Inline[]; bold?: boolean; italics?: boolean; decoration?: 'lineThrough' };
type InlineStyle = Omit<Inline, 'text'>;

const stripTags = (html: string) => html.replace(/<[^>]*>/g, '');

const inline = (tokens: readonly Token[] | undefined, style: InlineStyle = {}): Inline[] =>
  (tokens ?? []).flatMap((token): Inline[] => {
    switch (token.type) {
      case 'strong':
        return inline((token as Tokens.Strong).tokens, { ...style, bold: true });
      case 'em':
        return inline((token as Tokens.Em).tokens, { ...style, italics: true });
      case 'del':
        return inline((token as Tokens.Del).tokens, { ...style, decoration: 'lineThrough' });
      case 'link':
        return inline((token as Tokens.Link).tokens, style);
      case 'br':
        return [{ text: '\n', ...style }];
      case 'image':
        return [];
      case 'html':
        return [{ text: stripTags(token.raw), ...style }];
      case 'codespan':
        return [{ text: (token as Tokens.Codespan).text, ...style }];
      case 'text':
      case 'escape': {
        const nested = (token as Tokens.Text).tokens;
        if (nested && nested.length > 0) return inline(nested, style);
        return [{ text: (token as Tokens.Text).text, ...style }];
      }
      default:
        return 'text' in token && typeof token.text === 'string' ? [{ text: token.text, ...style }] : [];
    }
  });

const headingStyles = ['h1', 'h2', 'h3', 'h3', 'h3', 'h3'] as const;

const blocks = (tokens: readonly Token[]): Content[] =>
  tokens.flatMap((token): Content[] => {
    switch (token.type) {
      case 'space':
        return [];
      case 'heading': {
        const heading = token as Tokens.Heading;
        return [{ text: inline(heading.tokens), style: headingStyles[heading.depth - 1] ?? 'h3' }];
      }
      case 'paragraph':
        return [{ text: inline((token as Tokens.Paragraph).tokens), style: 'paragraph' }];
      case 'text': {
        const text = token as Tokens.Text;
        return [{ text: text.tokens ? inline(text.tokens) : text.text }];
      }
      case 'list': {
        const list = token as Tokens.List;
        const items = list.items.map((item): Content => {
          const content = blocks(item.tokens);
          return content.length === 1 ? content[0]! : { stack: content };
        });
        return [list.ordered ? { ol: items, start: typeof list.start === 'number' ? list.start : 1, style: 'list' } : { ul: items, style: 'list' }];
      }
      case 'table': {
        const table = token as Tokens.Table;
        const alignment = (i: number): Alignment => table.align[i] ?? 'left';
        const header = table.header.map((cell, i) => ({ text: inline(cell.tokens), bold: true, alignment: alignment(i) }));
        const rows = table.rows.map((row) => row.map((cell, i) => ({ text: inline(cell.tokens), alignment: alignment(i) })));
        return [
          {
            table: { headerRows: 1, widths: header.map((_, i) => (i === 0 ? '*' : 'auto')), body: [header, ...rows] },
            layout: 'lightHorizontalLines',
            style: 'table',
          },
        ];
      }
      case 'hr':
        return [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 495, y2: 0, lineWidth: 0.5, lineColor: '#999999' }], margin: [0, 6, 0, 6] }];
      case 'blockquote':
        return [{ stack: blocks((token as Tokens.Blockquote).tokens), margin: [16, 0, 0, 6], italics: true }];
      case 'code':
        return [{ text: (token as Tokens.Code).text, style: 'paragraph' }];
      case 'html':
        return [{ text: stripTags(token.raw).trim(), style: 'paragraph' }];
      default:
        return 'text' in token && typeof token.text === 'string' ? [{ text: token.text, style: 'paragraph' }] : [];
    }
  });

/** pdfmake content for a Markdown text (GitHub-flavoured: tables and strikethrough). */
export const markdownToPdfContent = (markdown: string): Content[] => blocks(Lexer.lex(markdown, { gfm: true }));

/** A4 document with the body, page numbers and the owner company in the footer. Fonts are the caller's to embed. */
export const documentDefinition = (options: { markdown: string; title: string; author: string; language: string; font: string }): TDocumentDefinitions => ({
  info: { title: options.title, author: options.author, creator: 'Kilowatt', producer: 'Kilowatt' },
  language: options.language,
  pageSize: 'A4',
  pageMargins: [50, 50, 50, 60],
  content: markdownToPdfContent(options.markdown),
  footer: (currentPage: number, pageCount: number) => ({
    columns: [
      { text: options.author, alignment: 'left' },
      { text: `${currentPage} / ${pageCount}`, alignment: 'right' },
    ],
    margin: [50, 20, 50, 0],
    fontSize: 8,
    color: '#666666',
  }),
  defaultStyle: { font: options.font, fontSize: 10, lineHeight: 1.2 },
  styles: {
    h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
    h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 6] },
    h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
    paragraph: { margin: [0, 0, 0, 6] },
    list: { margin: [0, 0, 0, 6] },
    table: { margin: [0, 4, 0, 10], fontSize: 9 },
  },
});
