import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { statusByCode } from '../../server/http/errors.js';
import * as catalogues from './catalogues.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.resolve(here, '..');

type Tree = { [key: string]: string | Tree };

/** A language's catalogue: one JSON file per area in a folder named after the language, merged by area. */
const load = (language: string): Tree =>
  Object.fromEntries(
    readdirSync(path.join(here, language))
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.replace('.json', ''), JSON.parse(readFileSync(path.join(here, language, f), 'utf8')) as Tree]),
  );

const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(full, value);
    else for (const [k, v] of flatten(value, full)) result.set(k, v);
  }
  return result;
};

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Plural forms differ by language (English one/other, Slovak one/few/many/other), so keys compare by base. */
const baseKey = (key: string) => key.replace(pluralSuffix, '');

const baseKeys = (keys: Iterable<string>) => new Set([...keys].map(baseKey));

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();

/** Placeholders per base key; plural forms of one key share them (the count may be written out in "one"). */
const placeholdersByBase = (flat: Map<string, string>) => {
  const result = new Map<string, Set<string>>();
  for (const [key, value] of flat) {
    const base = baseKey(key);
    const set = result.get(base) ?? new Set<string>();
    for (const p of placeholders(value)) set.add(p);
    result.set(base, set);
  }
  return result;
};

const localeFiles = readdirSync(here).filter((f) => statSync(path.join(here, f)).isDirectory());
const en = flatten(load('en'));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });

describe('translation files', () => {
  it('include English and Slovak', () => {
    expect(localeFiles).toEqual(expect.arrayContaining(['en', 'sk']));
  });

  it.each(localeFiles)('%s: catalogues.ts loads every area file of the folder', (language) => {
    const loaded = (catalogues as Record<string, Tree>)[language];
    expect(loaded).toEqual(load(language));
  });

  it.each(localeFiles.filter((f) => f !== 'en'))('%s has exactly the keys of the English catalogue', (file) => {
    const other = flatten(load(file));
    const missing = [...baseKeys(en.keys())].filter((k) => !baseKeys(other.keys()).has(k));
    const extra = [...baseKeys(other.keys())].filter((k) => !baseKeys(en.keys()).has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(localeFiles.filter((f) => f !== 'en'))('%s uses the placeholders of the English catalogue', (file) => {
    const ours = placeholdersByBase(en);
    const theirs = placeholdersByBase(flatten(load(file)));
    const differences = [...ours]
      .filter(([key, set]) => [...set].sort().join() !== [...(theirs.get(key) ?? [])].sort().join())
      .map(
        ([key, set]) => `${key}: en {${[...set].join(',')}} vs {${[...(theirs.get(key) ?? [])].join(',')}}`,
      );
    expect(differences).toEqual([]);
  });

  it.each(localeFiles)('%s has every plural form its language needs and no empty text', (file) => {
    const language = file;
    const flat = flatten(load(file));
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const plurals = new Set([...flat.keys()].filter((k) => pluralSuffix.test(k)).map(baseKey));
    const missing = [...plurals].flatMap((base) =>
      categories.filter((c) => !flat.has(`${base}_${c}`)).map((c) => `${base}_${c}`),
    );
    const empty = [...flat].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect({ missing, empty }).toEqual({ missing: [], empty: [] });
  });

  it('provide the client field names the server uses for export headers', () => {
    const fields = [
      'name',
      'kind',
      'companyId',
      'taxId',
      'vatId',
      'country',
      'status',
      'relationshipType',
      'businessArea',
      'industry',
      'email',
      'phone',
      'website',
      'street',
      'city',
      'postalCode',
      'creditRating',
      'debtorNumber',
      'creditorNumber',
      'note',
      'team',
      'responsibleUser',
      'createdAt',
      'updatedAt',
    ];
    for (const file of localeFiles) {
      const flat = flatten(load(file));
      const missing = ['clients.title', ...fields.map((f) => `clients.fields.${f}`)].filter(
        (k) => !flat.has(k),
      );
      expect({ file, missing }).toEqual({ file, missing: [] });
    }
  });

  it('word every error code the server sends, in every language', () => {
    const codes = Object.keys(statusByCode);
    for (const file of localeFiles) {
      const flat = flatten(load(file));
      const missing = codes.filter((code) => !flat.has(`errors.${code}`));
      expect({ file, missing }).toEqual({ file, missing: [] });
    }
  });
});

describe('keys used in the code', () => {
  const files = sourceFiles(webRoot);
  const groups = new Set(
    [...en.keys()].flatMap((key) =>
      key
        .split('.')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('.')),
    ),
  );
  const exists = (key: string) =>
    en.has(key) || [...en.keys()].some((k) => pluralSuffix.test(k) && baseKey(k) === key);

  it('finds the UI source files', () => {
    expect(files.filter((f) => f.endsWith('.tsx')).length).toBeGreaterThan(10);
  });

  it("every literal t('…') key exists in the English catalogue", () => {
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*(['"])([^'"\n]+)\1/g)) {
        const key = match[2] ?? '';
        if (!exists(key)) missing.push(`${path.relative(webRoot, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every t(`prefix.${…}`) and translateCode prefix is a group in the English catalogue', () => {
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const prefixes = [
        ...[...text.matchAll(/\bt\(\s*`([\w.]+)\.\$\{/g)].map((m) => m[1] ?? ''),
        ...[...text.matchAll(/translateCode\(\s*t,\s*'([\w.]+)'/g)].map((m) => m[1] ?? ''),
      ];
      for (const prefix of prefixes)
        if (!groups.has(prefix)) missing.push(`${path.relative(webRoot, file)}: ${prefix}`);
    }
    expect(missing).toEqual([]);
  });

  it('TSX has no literal English text between tags', () => {
    const offenders: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.tsx'))) {
      const text = readFileSync(file, 'utf8');
      // Text directly inside JSX (">Some words<") must come from t(); symbols and punctuation may stay.
      for (const match of text.matchAll(/(?<![=-])>\s*([A-Za-z][A-Za-z ,.'!?-]{2,})\s*<\/?[A-Za-z]/g)) {
        offenders.push(`${path.relative(webRoot, file)}: ${match[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
