import { withChanges, type AddressChanges } from '../../components/address.js';
import { readListAddress, useListAddress } from '../../components/list/list-address.js';
import { listOrder } from '../../components/list/sort.js';
import type { CaseListParams, CaseSortField } from './api.js';

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
export const readCaseListParams = (search: URLSearchParams): CaseListParams =>
  readListAddress(search, allKeys) as CaseListParams;

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
  const { address: params, ...list } = useListAddress(readCaseListParams, filterKeys, clearStageOnNewProcess);
  return { params, ...list };
};

/** By name unless the address says otherwise. */
export const caseOrder = listOrder<CaseSortField>({ field: 'name', direction: 'asc' });
