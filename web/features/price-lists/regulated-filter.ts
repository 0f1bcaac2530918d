import { commodities, type Commodity, type RegulatedFilter } from './api.js';

/** The regulated-component filters from the address; values the API would refuse are left out. */
export const readRegulatedFilter = (search: URLSearchParams): RegulatedFilter => {
  const filter: RegulatedFilter = {};
  const country = search.get('country');
  if (country && /^[A-Z]{2}$/.test(country)) filter.country = country;
  const commodity = search.get('commodity');
  if (commodity && (commodities as readonly string[]).includes(commodity)) filter.commodity = commodity as Commodity;
  const territory = search.get('territoryCode')?.trim();
  if (territory && territory.length <= 40) filter.territoryCode = territory;
  const year = search.get('year');
  if (year && /^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100) filter.year = year;
  return filter;
};

/** Years offered in the filter: two back, the current one and two ahead (regulators publish the next year in autumn). */
export const regulatedYears = (today: Date): string[] => {
  const year = today.getFullYear();
  return [year + 2, year + 1, year, year - 1, year - 2].map(String);
};
