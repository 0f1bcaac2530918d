import { suggestHeaders, type HeaderNames } from '../imports/header-mapping.js';

// `simplify` has always been read from here by the lead import's cell rules.
export { simplify } from '../imports/header-mapping.js';

/**
 * The fields a lead import fills, in the order the wizard shows them. A row is one lead with at most one
 * potential (the last group); `contactName` is a full name split into first and last name when those two are
 * not mapped. Columns left unmapped are kept on the lead as marketing attributes.
 */
export const leadTargetFields = [
  'name',
  'companyId',
  'country',
  'email',
  'phone',
  'contactName',
  'contactFirstName',
  'contactLastName',
  'contactFunction',
  'street',
  'city',
  'postalCode',
  'industry',
  'priority',
  'campaign',
  'channel',
  'marketingConsent',
  'note',
  'totalDemand',
  'totalDemandUnit',
  'commodity',
  'territoryCode',
  'supplyPointIdentifier',
  'periodFrom',
  'periodTo',
  'priceModel',
  'quantity',
  'quantityUnit',
] as const;
export type LeadTargetField = (typeof leadTargetFields)[number];
export const requiredLeadTargetFields: readonly LeadTargetField[] = ['name'];

export type LeadMapping = Partial<Record<LeadTargetField, string>>;

/** Header names each field is known by on lead platforms' exports (English, Slovak, Czech). */
const synonyms: Record<LeadTargetField, HeaderNames> = {
  name: {
    exact: [
      'name',
      'company',
      'company name',
      'nazov',
      'nazev',
      'nazov firmy',
      'nazev firmy',
      'obchodne meno',
      'obchodni jmeno',
      'firma',
      'spolocnost',
      'spolecnost',
      'organizacia',
      'organizace',
      'lead',
      'zakaznik',
      'klient',
      'odberatel',
    ],
    contains: ['firma', 'company', 'nazov', 'nazev'],
  },
  companyId: {
    exact: ['ico', 'ic', 'company id', 'registration number', 'business id', 'ico firmy', 'reg no'],
    contains: ['ico'],
  },
  country: { exact: ['country', 'krajina', 'zeme', 'stat', 'country code'] },
  email: {
    exact: ['email', 'e mail', 'mail', 'e mailova adresa', 'emailova adresa', 'email address'],
    contains: ['email', 'e mail'],
  },
  phone: {
    exact: [
      'phone',
      'telefon',
      'tel',
      'tel c',
      'telefonne cislo',
      'telefonni cislo',
      'mobil',
      'mobile',
      'phone number',
      'kontaktny telefon',
    ],
    contains: ['telefon', 'phone', 'mobil'],
  },
  contactName: {
    exact: [
      'contact',
      'contact person',
      'contact name',
      'kontakt',
      'kontaktna osoba',
      'kontaktni osoba',
      'meno a priezvisko',
      'jmeno a prijmeni',
      'full name',
    ],
    contains: ['kontaktna osoba', 'kontaktni osoba', 'contact person'],
  },
  contactFirstName: { exact: ['first name', 'firstname', 'meno', 'jmeno', 'krstne meno', 'given name'] },
  contactLastName: { exact: ['last name', 'lastname', 'surname', 'priezvisko', 'prijmeni', 'family name'] },
  contactFunction: {
    exact: ['function', 'position', 'job title', 'title', 'funkcia', 'funkce', 'pozicia', 'pozice'],
    contains: ['funkcia', 'funkce', 'pozicia', 'pozice'],
  },
  street: {
    exact: ['street', 'address', 'ulica', 'ulice', 'adresa', 'ulica a cislo', 'ulice a cislo'],
    contains: ['ulica', 'ulice', 'street'],
  },
  city: {
    exact: ['city', 'town', 'obec', 'mesto', 'obec mesto', 'municipality'],
    contains: ['obec', 'mesto', 'city'],
  },
  postalCode: { exact: ['psc', 'zip', 'zip code', 'postal code', 'postcode'], contains: ['psc', 'postal'] },
  industry: {
    exact: ['industry', 'odvetvie', 'odvetvi', 'obor', 'sektor', 'sector', 'branza', 'branze'],
    contains: ['odvetvie', 'odvetvi', 'industry'],
  },
  priority: { exact: ['priority', 'priorita', 'dolezitost', 'dulezitost'] },
  campaign: { exact: ['campaign', 'kampan', 'utm campaign'], contains: ['kampan', 'campaign'] },
  channel: { exact: ['channel', 'kanal', 'zdroj', 'utm source', 'medium', 'utm medium'] },
  marketingConsent: {
    exact: [
      'consent',
      'marketing consent',
      'suhlas',
      'souhlas',
      'gdpr',
      'suhlas s marketingom',
      'souhlas s marketingem',
    ],
    contains: ['suhlas', 'souhlas', 'consent', 'gdpr'],
  },
  note: {
    exact: [
      'note',
      'notes',
      'comment',
      'poznamka',
      'komentar',
      'popis',
      'description',
      'sprava',
      'zprava',
      'message',
    ],
    contains: ['poznamka', 'note'],
  },
  totalDemand: {
    exact: ['total demand', 'celkova potreba', 'celkova spotreba', 'rocna spotreba spolu', 'celkovy odber'],
    contains: ['celkova', 'total'],
  },
  totalDemandUnit: { exact: ['total demand unit', 'jednotka celkovej potreby', 'jednotka celkove potreby'] },
  commodity: {
    exact: ['commodity', 'komodita', 'energia', 'energie', 'druh energie', 'typ energie', 'produkt'],
    contains: ['komodita', 'commodity'],
  },
  territoryCode: {
    exact: [
      'territory',
      'distribution territory',
      'distribucne uzemie',
      'distribucni uzemi',
      'uzemie',
      'uzemi',
      'distributor',
      'pds',
      'dso',
      'regionalna distribucia',
    ],
    contains: ['uzemie', 'uzemi', 'territory', 'distributor'],
  },
  supplyPointIdentifier: {
    exact: [
      'eic',
      'ean',
      'pod',
      'eic kod',
      'ean kod',
      'kod eic',
      'kod ean',
      'odberne miesto',
      'odberne misto',
      'om',
      'cislo om',
      'kod om',
      'supply point',
      'supply point id',
      'metering point',
      'malo id',
    ],
    contains: ['eic', 'ean', 'odberne'],
  },
  periodFrom: {
    exact: [
      'period from',
      'from',
      'od',
      'dodavka od',
      'zaciatok dodavky',
      'zacatek dodavky',
      'start',
      'delivery from',
      'platnost od',
    ],
    contains: ['od'],
  },
  periodTo: {
    exact: [
      'period to',
      'to',
      'do',
      'dodavka do',
      'koniec dodavky',
      'konec dodavky',
      'end',
      'delivery to',
      'platnost do',
    ],
    contains: ['do'],
  },
  priceModel: {
    exact: ['price model', 'pricing', 'cenovy model', 'typ ceny', 'product type'],
    contains: ['cenovy', 'price'],
  },
  quantity: {
    exact: [
      'quantity',
      'consumption',
      'annual consumption',
      'spotreba',
      'rocna spotreba',
      'rocni spotreba',
      'mnozstvo',
      'mnozstvi',
      'objem',
      'odber',
      'rocny odber',
    ],
    contains: ['spotreba', 'mnozstvo', 'mnozstvi', 'consumption', 'quantity'],
  },
  quantityUnit: {
    exact: ['unit', 'jednotka', 'mj', 'merna jednotka', 'quantity unit', 'jednotka spotreby'],
    contains: ['jednotka', 'unit'],
  },
};

/**
 * The mapping the wizard starts with. A mapping saved for the source comes first, for every field whose header
 * the file still has (a platform that renamed one column keeps the rest); the other fields get the header that
 * names them best. A header serves one field at most.
 */
export const suggestLeadMapping = (
  headers: readonly string[],
  saved: LeadMapping | null = null,
): Record<LeadTargetField, string | null> => suggestHeaders(leadTargetFields, synonyms, headers, saved);
