import type { ContractCommodity, ContractCreateBody, ContractDetail, ContractState, ContractType, ContractUpdateBody } from './api.js';

/** What the contract form edits; texts stay strings until they are sent. */
export type ContractFormValues = {
  clientId: string | null;
  number: string;
  type: ContractType;
  commodity: ContractCommodity;
  supplier: string;
  productName: string;
  startDate: string;
  endDate: string;
  noticePeriodMonths: number | '';
  supplyPointIds: string[];
  signatoryContactIds: string[];
  note: string;
};

/** A draft changes in full; any later state only its end, notice period and note. */
export const termsLocked = (state: ContractState): boolean => state !== 'draft';

export const initialFormValues = (detail: ContractDetail | null, clientId: string | null): ContractFormValues => ({
  clientId: detail?.clientId ?? clientId,
  number: detail?.number ?? '',
  type: detail?.type ?? 'supply',
  commodity: detail?.commodity ?? 'electricity',
  supplier: detail?.supplier ?? '',
  productName: detail?.productName ?? '',
  startDate: detail?.startDate ?? '',
  endDate: detail?.endDate ?? '',
  noticePeriodMonths: detail?.noticePeriodMonths ?? '',
  supplyPointIds: detail?.supplyPointIds ?? [],
  signatoryContactIds: detail?.signatories.map((s) => s.contactId) ?? [],
  note: detail?.note ?? '',
});

const day = /^\d{4}-\d{2}-\d{2}$/;

/** The form's own checks, as rule codes per field (`validation.<code>` words them); the server checks the rest. */
export const validateContractForm = (values: ContractFormValues): Record<string, string> => {
  const errors: Record<string, string> = {};
  if (!values.clientId) errors.clientId = 'required';
  if (values.number.trim().length > 40) errors.number = 'too_big';
  if (!values.startDate) errors.startDate = 'required';
  else if (!day.test(values.startDate)) errors.startDate = 'invalid_format';
  if (values.endDate && !day.test(values.endDate)) errors.endDate = 'invalid_format';
  else if (values.endDate && values.startDate && values.endDate < values.startDate) errors.endDate = 'end_before_start';
  if (values.noticePeriodMonths !== '' && (!Number.isInteger(values.noticePeriodMonths) || values.noticePeriodMonths < 0 || values.noticePeriodMonths > 60)) {
    errors.noticePeriodMonths = 'invalid_value';
  }
  if (values.supplier.trim().length > 200) errors.supplier = 'too_big';
  if (values.productName.trim().length > 200) errors.productName = 'too_big';
  return errors;
};

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

const terms = (values: ContractFormValues) => ({
  type: values.type,
  commodity: values.commodity,
  supplier: text(values.supplier),
  productName: text(values.productName),
  startDate: values.startDate,
  endDate: values.endDate || null,
  noticePeriodMonths: values.noticePeriodMonths === '' ? null : values.noticePeriodMonths,
  supplyPointIds: values.supplyPointIds,
  signatoryContactIds: values.signatoryContactIds,
  note: text(values.note),
});

/** A new contract; an empty number lets the server give the next KW-<year>-<n>. */
export const toCreateBody = (values: ContractFormValues, caseId: string | null = null): ContractCreateBody => ({
  clientId: values.clientId!,
  ...(caseId ? { caseId } : {}),
  ...(values.number.trim() ? { number: values.number.trim() } : {}),
  ...terms(values),
});

/** A change: a draft sends every term, a contract out for signature only what is still open. */
export const toUpdateBody = (values: ContractFormValues, detail: ContractDetail): ContractUpdateBody => {
  const all = terms(values);
  if (termsLocked(detail.state)) {
    return { endDate: all.endDate, noticePeriodMonths: all.noticePeriodMonths, note: all.note, version: detail.version };
  }
  return { ...all, ...(values.number.trim() ? { number: values.number.trim() } : {}), version: detail.version };
};

/** Moves one entry of the signing order up (-1) or down (+1); out of range leaves the order as it is. */
export const moveInOrder = (ids: readonly string[], index: number, by: -1 | 1): string[] => {
  const target = index + by;
  if (index < 0 || index >= ids.length || target < 0 || target >= ids.length) return [...ids];
  const next = [...ids];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
};
