import { checkCompanyIdentifiers } from '../../domain/identifiers/index.js';

/**
 * Realistic Slovak and Czech clients with valid identifiers, for demo data and the bench. Deterministic:
 * the same seed gives the same data, so benchmark runs are comparable.
 */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: fast, good enough for test data, reproducible across machines.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
};

export type Random = ReturnType<typeof seededRandom>;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const digits = (random: Random, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

/** An IČO whose check digit is right under the mod-11 rule used in both countries. */
export const validIco = (random: Random): string => {
  for (;;) {
    const base = `${1 + Math.floor(random() * 9)}${digits(random, 6)}`;
    for (let check = 0; check <= 9; check++) {
      const candidate = `${base}${check}`;
      const result = checkCompanyIdentifiers('CZ', { companyId: candidate });
      if (result.problems.length === 0) return candidate;
    }
  }
};

/** A Slovak DIČ whose number is divisible by 11, so `SK` + it is a valid IČ DPH. */
export const validSkDic = (random: Random): string => {
  const n = 2_020_000_000 + Math.floor(random() * 99_999_999);
  return String(n - (n % 11) + 11);
};

type City = readonly [city: string, postalCode: string, businessArea: string];
const skCities: readonly City[] = [
  ['Bratislava', '811 01', 'sk-west'],
  ['Nitra', '949 01', 'sk-west'],
  ['Trnava', '917 01', 'sk-west'],
  ['Trenčín', '911 01', 'sk-west'],
  ['Žilina', '010 01', 'sk-central'],
  ['Banská Bystrica', '974 01', 'sk-central'],
  ['Martin', '036 01', 'sk-central'],
  ['Košice', '040 01', 'sk-east'],
  ['Prešov', '080 01', 'sk-east'],
  ['Poprad', '058 01', 'sk-east'],
];
const czCities: readonly City[] = [
  ['Praha', '110 00', 'cz-bohemia'],
  ['Plzeň', '301 00', 'cz-bohemia'],
  ['České Budějovice', '370 01', 'cz-bohemia'],
  ['Hradec Králové', '500 02', 'cz-bohemia'],
  ['Brno', '602 00', 'cz-moravia'],
  ['Ostrava', '702 00', 'cz-moravia'],
  ['Olomouc', '779 00', 'cz-moravia'],
  ['Zlín', '760 01', 'cz-moravia'],
];
const streets = ['Hlavná', 'Štúrova', 'Hviezdoslavova', 'Komenského', 'Nádražní', 'Masarykova', 'Palackého', 'Priemyselná', 'Záhradná', 'Mlynská', 'Dlhá', 'Školská'];
const stems = ['Tep', 'Agro', 'Kov', 'Drev', 'Stav', 'Elektro', 'Mlyn', 'Pek', 'Plast', 'Tex', 'Sklo', 'Auto', 'Bio', 'Hotel', 'Mrazi', 'Tlač', 'Papier', 'Chem'];
const suffixes = ['ex', 'oprodukt', 'mont', 'servis', 'trade', 'technik', 'invest', 'plus', 'therm', 'via', 'ária', 'stav'];
const skForms = ['s.r.o.', 'a.s.', 'spol. s r.o.'];
const czForms = ['s.r.o.', 'a.s.', 'spol. s r.o.', 'v.o.s.'];
const firstNames = ['Ján', 'Peter', 'Martin', 'Jana', 'Mária', 'Lucia', 'Tomáš', 'Eva', 'Michal', 'Zuzana', 'Pavel', 'Petra', 'Jiří', 'Lenka', 'Ondřej', 'Katarína'];
const lastNames = [
  ['Novák', 'Nováková'],
  ['Horváth', 'Horváthová'],
  ['Kováč', 'Kováčová'],
  ['Varga', 'Vargová'],
  ['Tóth', 'Tóthová'],
  ['Dvořák', 'Dvořáková'],
  ['Svoboda', 'Svobodová'],
  ['Černý', 'Černá'],
  ['Procházka', 'Procházková'],
  ['Baláž', 'Balážová'],
] as const;
const femaleFirst = new Set(['Jana', 'Mária', 'Lucia', 'Eva', 'Zuzana', 'Petra', 'Lenka', 'Katarína']);
const industries = ['manufacturing', 'retail', 'public', 'agriculture', 'hospitality'] as const;
const functions = ['director', 'invoicing', 'energy-manager', 'purchasing', 'technical'] as const;

const ascii = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '');

export type GeneratedContact = {
  firstName: string;
  lastName: string;
  function: string;
  email: string;
  phone: string;
  isSigningPerson: boolean;
  isPrimary: boolean;
};

export type GeneratedClient = {
  kind: 'company' | 'person';
  name: string;
  country: 'SK' | 'CZ';
  companyId: string | null;
  taxId: string | null;
  vatId: string | null;
  status: 'active' | 'passive';
  relationshipType: string;
  businessArea: string;
  industry: string;
  email: string;
  phone: string;
  address: { street: string; city: string; postalCode: string; country: string };
  contacts: GeneratedContact[];
};

// Mobile prefixes that numbering plans assign, so generated numbers pass libphonenumber's validation.
const skMobile = ['905', '907', '908', '910', '911', '915', '917', '918', '940', '944', '948', '949', '950', '951'];
const czMobile = ['601', '602', '603', '604', '605', '606', '607', '608', '702', '720', '721', '722', '723', '724', '725', '730', '731', '732', '733', '734', '736', '737', '739', '770', '773', '774', '775', '776', '777', '778', '790', '799'];
const phoneOf = (random: Random, country: 'SK' | 'CZ') =>
  country === 'SK' ? `+421${pick(random, skMobile)}${digits(random, 6)}` : `+420${pick(random, czMobile)}${digits(random, 6)}`;

const person = (random: Random, country: 'SK' | 'CZ', domain: string, index: number): GeneratedContact => {
  const first = pick(random, firstNames);
  const [male, female] = pick(random, lastNames);
  const last = femaleFirst.has(first) ? female : male;
  return {
    firstName: first,
    lastName: last,
    function: pick(random, functions),
    email: `${ascii(first)}.${ascii(last)}${index ? index : ''}@${domain}`,
    phone: phoneOf(random, country),
    isSigningPerson: index === 0,
    isPrimary: index === 0,
  };
};

export const generateClient = (random: Random, serial: number, contactCount = 3): GeneratedClient => {
  const country = random() < 0.6 ? 'SK' : 'CZ';
  const [city, postalCode, area] = pick(random, country === 'SK' ? skCities : czCities);
  const isPerson = random() < 0.15;
  const street = `${pick(random, streets)} ${1 + Math.floor(random() * 120)}`;
  const address = { street, city, postalCode, country };
  if (isPerson) {
    const p = person(random, country, 'example.sk', 0);
    return {
      kind: 'person',
      name: `${p.firstName} ${p.lastName}`,
      country,
      companyId: null,
      taxId: null,
      vatId: null,
      status: random() < 0.9 ? 'active' : 'passive',
      relationshipType: 'customer',
      businessArea: area,
      industry: 'households',
      email: p.email.replace('@', `${serial}@`),
      phone: p.phone,
      address,
      contacts: [],
    };
  }
  const brand = `${pick(random, stems)}${pick(random, suffixes)}`;
  const name = `${brand} ${city} ${country === 'SK' ? pick(random, skForms) : pick(random, czForms)}`;
  const domain = `${ascii(brand)}${serial}.${country.toLowerCase()}`;
  const ico = validIco(random);
  const skDic = country === 'SK' ? validSkDic(random) : null;
  return {
    kind: 'company',
    name,
    country,
    companyId: ico,
    taxId: country === 'SK' ? skDic : `CZ${ico}`,
    vatId: country === 'SK' ? `SK${skDic}` : `CZ${ico}`,
    status: random() < 0.85 ? 'active' : 'passive',
    relationshipType: random() < 0.8 ? 'customer' : 'prospect',
    businessArea: area,
    industry: pick(random, industries),
    email: `info@${domain}`,
    phone: phoneOf(random, country),
    address,
    contacts: Array.from({ length: contactCount }, (_, i) => person(random, country, domain, i)),
  };
};
