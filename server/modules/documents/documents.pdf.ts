import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { documentDefinition } from '../../../domain/documents/markdown-pdf.js';

const require = createRequire(import.meta.url);
/** pdfmake's own Roboto TTF files: Latin (incl. Slovak, Czech, Polish, German) and Cyrillic, embedded as subsets. */
const robotoFolder = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

pdfmake.setFonts({
  Roboto: {
    normal: path.join(robotoFolder, 'Roboto-Regular.ttf'),
    bold: path.join(robotoFolder, 'Roboto-Medium.ttf'),
    italics: path.join(robotoFolder, 'Roboto-Italic.ttf'),
    bolditalics: path.join(robotoFolder, 'Roboto-MediumItalic.ttf'),
  },
});
// A document never fetches anything: no URL at all, and only the font files from disk.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(robotoFolder + path.sep));

/** A PDF from Markdown (a filled template), fonts embedded. */
export const markdownToPdf = async (options: { markdown: string; title: string; author: string; language: string }): Promise<Buffer> => {
  const document = pdfmake.createPdf(documentDefinition({ ...options, font: 'Roboto' }));
  return document.getBuffer();
};
