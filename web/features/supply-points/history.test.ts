import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { makeFormatters } from '../../i18n/format.js';
import type { HistoryEntry } from '../clients/api.js';
import { addressLine, formatQuantity, unitLabel } from './display.js';
import { forecastMonthLabel, historyValue, shownInHistory } from './history.js';
import { supplyPointTabs, tabFromAddress } from './tabs.js';
import { englishT } from './test-i18n.js';

let t: TFunction;
beforeAll(async () => {
  t = await englishT();
});

const format = makeFormatters('en');
const codeLabel = (list: string, code: string) => `${list}:${code}`;

describe('historyValue', () => {
  const show = (field: string | null, value: unknown) => historyValue({ t, format, codeLabel }, field, value);

  it('shows code-list labels, translated enums and units', () => {
    expect(show('territoryCode', 'sk-zsd')).toBe('distributionTerritory:sk-zsd');
    expect(show('commodity', 'gas')).toBe('Gas');
    expect(show('territorySource', 'manual')).toBe('Chosen by a user');
    expect(show('identifierScheme', 'eic')).toBe('EIC code');
    expect(show('consumptionUnit', 'm3')).toBe('m³');
  });

  it('shows stored decimals as numbers and empty values as a dash', () => {
    expect(show('annualConsumption', '12500.500')).toBe('12,500.5');
    expect(show('note', null)).toBe('—');
    expect(show('addressCountry', 'CZ')).toBe('Czechia');
  });

  it('shows meters, readings and forecasts readably', () => {
    expect(show('type', 'electricity-dual')).toBe('meterType:electricity-dual');
    expect(show('registers', ['VT', 'NT'])).toBe('VT, NT');
    expect(show('installedOn', '2025-03-01')).toBe('1 Mar 2025');
    expect(show('value', '15234.500')).toBe('15,234.5');
    expect(show('source', 'estimate')).toBe('Estimate');
    expect(show('2025-03', '1200.000')).toBe('1,200');
    expect(forecastMonthLabel(format, '2025-03')).toBe('March 2025');
    expect(forecastMonthLabel(format, 'note')).toBeNull();
  });

  it('leaves coordinates out of the history', () => {
    const entry = (field: string | null) => ({ field }) as HistoryEntry;
    expect(shownInHistory(entry('latitude'))).toBe(false);
    expect(shownInHistory(entry('street'))).toBe(true);
    expect(shownInHistory(entry(null))).toBe(true);
  });
});

describe('display helpers', () => {
  it('write quantities and addresses on one line', () => {
    expect(unitLabel('m3')).toBe('m³');
    expect(formatQuantity(format, '25000.125', 'kWh')).toBe('25,000.125 kWh');
    expect(formatQuantity(format, null, 'kWh')).toBe('');
    expect(addressLine({ street: 'Hlavná 68', city: 'Košice', postalCode: '040 01' })).toBe(
      'Hlavná 68, 040 01 Košice',
    );
    expect(addressLine({ street: null, city: 'Košice', postalCode: null })).toBe('Košice');
  });
});

describe('supply-point card tabs', () => {
  it('show overview, meters, forecasts and history, each with its panel', () => {
    expect(supplyPointTabs.map((tab) => tab.value)).toEqual(['overview', 'meters', 'forecasts', 'history']);
    expect(supplyPointTabs.filter((tab) => !tab.panel)).toEqual([]);
  });

  it('open the tab the address names only when it is available', () => {
    expect(tabFromAddress('history')).toBe('history');
    expect(tabFromAddress('meters')).toBe('meters');
    expect(tabFromAddress('forecasts')).toBe('forecasts');
    expect(tabFromAddress('nonsense')).toBe('overview');
    expect(tabFromAddress(null)).toBe('overview');
    const later = supplyPointTabs.map((tab) => (tab.value === 'meters' ? { ...tab, panel: null } : tab));
    expect(tabFromAddress('meters', later)).toBe('overview');
  });
});
