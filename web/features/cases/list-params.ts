import { useAddressChanges, withChanges, type AddressChanges } from '../../components/address.js';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CaseListParams } from './api.js';

export const filterKeys = [
  'state',
  'outcome',
  'commodity',
  'type',
  'processTemplateId',
  'stageId',
  'responsibleUserId',
  'territoryCode',
  'archived',
] as const;
export type FilterKey = (typeof filterKeys)[number];

const allKeys = ['q', 'sort', ...filterKeys] as const;

/** Reads the list's parameters from an address query; unknown keys are ignored. */
export const readCaseListParams = (search: URLSearchParams): CaseListParams => {
  const result: Record<string, string> = {};
  for (const key of allKeys) {
    const value = search.get(key);
    if (value) result[key] = value;
  }
  return result as CaseListParams;
};

type CaseAddressKey = (typeof allKeys)[number];

/** Another process has other stages: choosing one clears the stage filter, unless a stage comes with it. */
const clearStageOnNewProcess = (next: URLSearchParams, changes: AddressChanges<CaseAddressKey>): URLSearchParams => {
  if ('processTemplateId' in changes && !('stageId' in changes)) next.delete('stageId');
  return next;
};

/** Applies changes to an address query: empty values are removed; a new process clears the stage filter. */
export const applyCaseListChanges = (previous: URLSearchParams, changes: AddressChanges<CaseAddressKey>): URLSearchParams =>
  clearStageOnNewProcess(withChanges(previous, changes), changes);

/** The list's search, filters and sort live in the address, so a filtered list can be shared and restored. */
export const useCaseListParams = () => {
  const [search] = useSearchParams();
  const params = useMemo(() => readCaseListParams(search), [search]);
  const update = useAddressChanges<CaseAddressKey>(clearStageOnNewProcess);
  const clearFilters = useCallback(() => {
    update(Object.fromEntries([...filterKeys, 'q'].map((key) => [key, null])));
  }, [update]);
  const activeFilterCount = filterKeys.filter((key) => params[key]).length + (params.q ? 1 : 0);
  return { params, update, clearFilters, activeFilterCount };
};
