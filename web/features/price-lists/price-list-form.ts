import type { TFunction } from 'i18next';
import { ruleMessage, translateCode } from '../../components/errors.js';
import type { FormErrors } from '../../components/form-types.js';
import { emptyToNull } from '../../components/validation.js';
import { normaliseDecimal } from '../supply-points/supply-point-form.js';
import type { ImportProblem, PriceList, PriceListBody, PriceRow } from './api.js';

/** The API's price: a non-negative number with at most 4 decimals, as text (price-lists.api.ts `Price`). */
export const pricePattern = /^\d{1,10}(\.\d{1,4})?$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export type PriceRowValues = { key: string; tariffCode: string; pricePerMWh: string; monthlyFee: string; purchasePerMWh: string };
export type PriceListFormValues = { validFrom: string; validTo: string; note: string; rows: PriceRowValues[] };

export const priceRowFields = ['tariffCode', 'pricePerMWh', 'monthlyFee', 'purchasePerMWh'] as const;
export type PriceRowField = (typeof priceRowFields)[number];

let keySeed = 0;
/** A stable React key for a row the user adds, removes or reorders. */
export const rowKey = (): string => `row-${++keySeed}`;

export const emptyRow = (): PriceRowValues => ({ key: rowKey(), tariffCode: '', pricePerMWh: '', monthlyFee: '', purchasePerMWh: '' });

export const priceListToValues = (list: PriceList | null): PriceListFormValues =>
  list
    ? {
        validFrom: list.validFrom,
        validTo: list.validTo ?? '',
        note: list.note ?? '',
        rows: list.rows.map((row) => ({
          key: rowKey(),
          tariffCode: row.tariffCode ?? '',
          pricePerMWh: row.pricePerMWh,
          monthlyFee: row.monthlyFee,
          purchasePerMWh: row.purchasePerMWh ?? '',
        })),
      }
    : { validFrom: '', validTo: '', note: '', rows: [emptyRow()] };

/** Prices typed the way the user's language writes numbers ("129,9" in Slovak) become the API's text ("129.9"). */
export const priceListValuesToBody = (values: PriceListFormValues, separator?: string): PriceListBody => ({
  validFrom: values.validFrom,
  validTo: values.validTo || null,
  note: emptyToNull(values.note),
  rows: values.rows.map(
    (row): PriceRow => ({
      tariffCode: emptyToNull(row.tariffCode),
      pricePerMWh: normaliseDecimal(row.pricePerMWh, separator),
      monthlyFee: normaliseDecimal(row.monthlyFee, separator),
      purchasePerMWh: normaliseDecimal(row.purchasePerMWh, separator) || null,
    }),
  ),
});

/** Price-list rule codes first (`priceLists.rules.<code>`), then the shared ones (`validation.<code>`). */
export const priceRuleMessage = (t: TFunction, code: string): string =>
  translateCode(t, 'priceLists.rules', code) ?? ruleMessage(t, code);

/**
 * The server's price-list rules, before sending: validity order, at least one row, prices as decimals with at most
 * four places, one row per tariff (an empty tariff is the row for every tariff). Errors are keyed by the form path
 * (`rows.2.pricePerMWh`), so each message sits under the field it names.
 */
export const validatePriceList =
  (t: TFunction, separator?: string) =>
  (values: PriceListFormValues): FormErrors => {
    const errors: FormErrors = {};
    if (!values.validFrom) errors.validFrom = priceRuleMessage(t, 'required');
    else if (!isoDate.test(values.validFrom)) errors.validFrom = priceRuleMessage(t, 'invalid_format');
    if (values.validTo && !isoDate.test(values.validTo)) errors.validTo = priceRuleMessage(t, 'invalid_format');
    else if (values.validTo && values.validFrom && values.validTo < values.validFrom)
      errors.validTo = priceRuleMessage(t, 'before_valid_from');
    if (values.note.length > 2000) errors.note = priceRuleMessage(t, 'too_big');
    if (values.rows.length === 0) errors.rows = priceRuleMessage(t, 'no_rows');
    const seen = new Set<string>();
    values.rows.forEach((row, index) => {
      const tariff = row.tariffCode.trim();
      if (tariff.length > 40) errors[`rows.${index}.tariffCode`] = priceRuleMessage(t, 'too_big');
      else if (seen.has(tariff)) errors[`rows.${index}.tariffCode`] = priceRuleMessage(t, 'duplicate_tariff');
      seen.add(tariff);
      for (const field of ['pricePerMWh', 'monthlyFee', 'purchasePerMWh'] as const) {
        const value = normaliseDecimal(row[field], separator);
        if (value === '') {
          if (field !== 'purchasePerMWh') errors[`rows.${index}.${field}`] = priceRuleMessage(t, 'required');
        } else if (!pricePattern.test(value)) errors[`rows.${index}.${field}`] = priceRuleMessage(t, 'invalid_price');
      }
    });
    return errors;
  };

/** How a version may be handled: a current version not yet in use changes in place; one in use changes as a new version; others are read-only. */
export type VersionState = 'draft' | 'inUse' | 'readOnly';

export const versionState = (list: Pick<PriceList, 'status' | 'inUse'>): VersionState =>
  list.status !== 'current' ? 'readOnly' : list.inUse ? 'inUse' : 'draft';

/** An import problem in the user's language, naming the sheet row (as Excel numbers it) and the column. */
export const importProblemText = (t: TFunction, problem: ImportProblem): string => {
  const column = translateCode(t, 'priceLists.columns', problem.column) ?? problem.column;
  const rule = priceRuleMessage(t, problem.code);
  return problem.row > 0
    ? t('priceLists.import.problem', { row: problem.row, column, rule })
    : t('priceLists.import.fileProblem', { rule });
};

/** The server's 400 for a price list names `rows.<i>.<field>`, `validFrom` …: the same paths as the form. */
export const isPriceListFormPath = (path: string): boolean =>
  ['validFrom', 'validTo', 'note', 'rows'].includes(path) || /^rows\.\d+\.(tariffCode|pricePerMWh|monthlyFee|purchasePerMWh)$/.test(path);

/** A file as base64 for the import's JSON body. */
export const fileToBase64 = async (file: Blob): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
};
