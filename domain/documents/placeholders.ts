/**
 * The placeholders a document template may use, per document type (CONTRACT-5, DOC-2). The catalogue is the
 * single source: the TypeScript types of each type's data are derived from it, the template checker walks it,
 * and the editor lists it. Every leaf travels as a string (decimals and dates too) or null; the renderer formats
 * it for the document's language by its kind.
 */

/** More types are added here; each needs a catalogue below, a default template and sample data. */
export const documentTypes = ['offer', 'contract', 'letter'] as const;
export type DocumentType = (typeof documentTypes)[number];

/** Languages a document can be written in; numbers, dates and money follow it. */
export const documentLanguages = ['sk', 'cs', 'en', 'de', 'pl', 'ru'] as const;
export type DocumentLanguage = (typeof documentLanguages)[number];

/**
 * How a leaf is shown: `text` as given; `paragraphs` keeps its line breaks as paragraphs; `date` an ISO date
 * (YYYY-MM-DD); `money` a decimal string in the owner's currency, rounded to cents; `decimal` a decimal string;
 * `percent` a decimal string of per cent (12.5 → 12,5 %); `integer` a whole number; `commodity` electricity/gas.
 */
export const leafKinds = ['text', 'paragraphs', 'date', 'money', 'decimal', 'percent', 'integer', 'commodity'] as const;
export type LeafKind = (typeof leafKinds)[number];

export type CatalogueNode = LeafKind | { readonly object: Shape } | { readonly list: Shape };
export type Shape = { readonly [key: string]: CatalogueNode };

type LeafValue<K extends LeafKind> = K extends 'integer' ? number | null : K extends 'commodity' ? 'electricity' | 'gas' | null : string | null;

type ValueOf<N> = N extends LeafKind
  ? LeafValue<N>
  : N extends { readonly list: infer S extends Shape }
    ? DataOf<S>[]
    : N extends { readonly object: infer S extends Shape }
      ? DataOf<S>
      : never;

/** The data a shape describes: every key required, leaves nullable. */
export type DataOf<S extends Shape> = { -readonly [K in keyof S]: ValueOf<S[K]> };

const address = { object: { street: 'text', postalCode: 'text', city: 'text', country: 'text' } } as const satisfies CatalogueNode;

const client = {
  object: {
    name: 'text',
    companyId: 'text',
    taxId: 'text',
    vatId: 'text',
    email: 'text',
    phone: 'text',
    address,
  },
} as const satisfies CatalogueNode;

const person = {
  fullName: 'text',
  firstName: 'text',
  lastName: 'text',
  function: 'text',
  email: 'text',
  phone: 'text',
} as const satisfies Shape;

const supplyPoint = {
  identifier: 'text',
  commodity: 'commodity',
  annualConsumption: 'decimal',
  consumptionUnit: 'text',
  address,
} as const satisfies Shape;

/** One priced line: what the client pays today for the supply point against what the offer costs. */
const line = {
  supplyPoint: { object: supplyPoint },
  product: 'text',
  deliveryFrom: 'date',
  deliveryTo: 'date',
  quantity: 'decimal',
  quantityUnit: 'text',
  currentCost: 'money',
  offeredCost: 'money',
  saving: 'money',
  savingPercent: 'percent',
} as const satisfies Shape;

const totals = {
  object: { quantity: 'decimal', quantityUnit: 'text', currentCost: 'money', offeredCost: 'money', saving: 'money', savingPercent: 'percent' },
} as const satisfies CatalogueNode;

/** Filled by the documents service for every document: the owner company, today and the acting user. */
export const commonShape = {
  owner: { object: { name: 'text', companyId: 'text', country: 'text', currency: 'text' } },
  today: 'date',
  user: { object: { name: 'text', email: 'text' } },
} as const satisfies Shape;

export const offerShape = {
  client,
  contacts: { list: person },
  signingPersons: { list: person },
  supplyPoints: { list: supplyPoint },
  lines: { list: line },
  totals,
  offer: {
    object: {
      number: 'text',
      version: 'integer',
      issuedOn: 'date',
      validUntil: 'date',
      bindingFrom: 'date',
      bindingTo: 'date',
      bindingMonths: 'integer',
      note: 'paragraphs',
    },
  },
} as const satisfies Shape;

export const contractShape = {
  client,
  contacts: { list: person },
  signingPersons: { list: person },
  supplyPoints: { list: supplyPoint },
  lines: { list: line },
  totals,
  contract: {
    object: {
      number: 'text',
      concludedOn: 'date',
      validFrom: 'date',
      validTo: 'date',
      noticeDeadline: 'date',
      offerNumber: 'text',
    },
  },
} as const satisfies Shape;

export const letterShape = {
  client,
  contacts: { list: person },
  supplyPoints: { list: supplyPoint },
  letter: { object: { subject: 'text', text: 'paragraphs' } },
} as const satisfies Shape;

export type CommonDocumentData = DataOf<typeof commonShape>;
/** What the offers module fills to render an offer (owner, today and user are added by the documents service). */
export type OfferDocumentData = DataOf<typeof offerShape>;
/** What the contracts module fills to render a contract. */
export type ContractDocumentData = DataOf<typeof contractShape>;
export type LetterDocumentData = DataOf<typeof letterShape>;
export type DocumentAddress = DataOf<typeof address.object>;
export type DocumentParty = DataOf<typeof client.object>;
export type DocumentPerson = DataOf<typeof person>;
export type DocumentSupplyPoint = DataOf<typeof supplyPoint>;
export type DocumentLine = DataOf<typeof line>;
export type DocumentTotals = DataOf<typeof totals.object>;

export type DocumentDataByType = { offer: OfferDocumentData; contract: ContractDocumentData; letter: LetterDocumentData };

const shapeByType = { offer: offerShape, contract: contractShape, letter: letterShape } as const satisfies Record<DocumentType, Shape>;

/** The whole catalogue of a type as the template sees it: the type's data plus the common part. */
export const catalogueOf = (type: DocumentType): Shape => ({ ...shapeByType[type], ...commonShape });

export type PlaceholderEntry = {
  /** How to write it in a template, e.g. `client.name`; inside `{{#each lines}}` paths are relative to the line. */
  path: string;
  kind: LeafKind | 'list' | 'object';
  /** The enclosing list, e.g. `lines` for `supplyPoint.identifier` of a line. */
  list: string | null;
};

/** Flat list of every placeholder of a type, for the editor's click-to-insert list. */
export const placeholderList = (type: DocumentType): PlaceholderEntry[] => {
  const out: PlaceholderEntry[] = [];
  const walk = (shape: Shape, prefix: string, list: string | null) => {
    for (const [key, node] of Object.entries(shape)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof node === 'string') out.push({ path, kind: node, list });
      else if ('object' in node) walk(node.object, path, list);
      else {
        out.push({ path, kind: 'list', list });
        walk(node.list, '', list ? `${list}.${path}` : path);
      }
    }
  };
  walk(catalogueOf(type), '', null);
  return out;
};
