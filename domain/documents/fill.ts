import Handlebars from 'handlebars';
import { formatView } from './format.js';
import { catalogueOf, type CommonDocumentData, type DocumentDataByType, type DocumentLanguage, type DocumentType } from './placeholders.js';
import { checkTemplate, templateBlocks } from './template-check.js';

/** A private Handlebars instance: nobody can register a helper or partial that templates would then reach. */
const handlebars = Handlebars.create();

const compiled = new Map<string, HandlebarsTemplateDelegate>();
const compile = (body: string) => {
  let template = compiled.get(body);
  if (!template) {
    template = handlebars.compile(body, {
      // Values arrive escaped for Markdown (format.ts); HTML escaping would print &amp; into the PDF.
      noEscape: true,
      strict: false,
      knownHelpersOnly: true,
      knownHelpers: Object.fromEntries(templateBlocks.map((b) => [b, true])),
    });
    if (compiled.size > 200) compiled.clear();
    compiled.set(body, template);
  }
  return template;
};

/**
 * The template's Markdown with every placeholder filled, formatted for the document's language. The template
 * must have passed `checkTemplate` (the service checks it on save); a template that fails now throws.
 */
export const fillTemplate = <T extends DocumentType>(
  type: T,
  body: string,
  data: DocumentDataByType[T] & CommonDocumentData,
  options: { language: DocumentLanguage; currency: string },
): string => {
  const issues = checkTemplate(type, body);
  if (issues.length > 0) throw new Error(`template of ${type} is invalid: ${issues.map((i) => i.message).join('; ')}`);
  const view = formatView(catalogueOf(type), data as unknown as Record<string, unknown>, options);
  return compile(body)(view);
};
