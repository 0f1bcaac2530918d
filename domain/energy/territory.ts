import type { Commodity } from './supply-point-identifier.js';
import { isValidOn, type Validity } from './validity.js';

/**
 * Part of a supply-point identifier that suggests its distribution territory, from a code list with validity
 * (Slovak EIC designation `24ZVS`, Czech EAN with its distributor digit `8591824003`, Polish GS1 prefixes …).
 */
export type TerritoryPrefixRule = Validity & {
  country: string;
  commodity: Commodity;
  prefix: string;
  territoryCode: string;
};

/**
 * The territory an identifier suggests, or null where the identifier does not encode it (German MaLo-ID,
 * Czech gas without the distributor table). The longest matching prefix wins, because GS1 company prefixes
 * have different lengths. It is only a suggestion: the stored territory is what the user or the distributor's
 * master data says.
 */
export const suggestTerritory = (
  rules: readonly TerritoryPrefixRule[],
  supplyPoint: { country: string; commodity: Commodity; identifier: string },
  on: string,
): string | null => {
  let best: TerritoryPrefixRule | null = null;
  for (const rule of rules) {
    if (rule.country !== supplyPoint.country || rule.commodity !== supplyPoint.commodity) continue;
    if (!supplyPoint.identifier.startsWith(rule.prefix) || !isValidOn(rule, on)) continue;
    if (!best || rule.prefix.length > best.prefix.length) best = rule;
  }
  return best?.territoryCode ?? null;
};
