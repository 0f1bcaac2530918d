import type { TFunction } from 'i18next';
import type { Formatters } from '../../i18n/format.js';
import type { Potential } from './api.js';

/** A quantity with its unit in the user's language: "12 500,5 MWh". Decimal strings are shown, never computed. */
export const quantityText = (
  format: Formatters,
  quantity: string | null,
  unit: string | null,
): string | null =>
  quantity === null
    ? null
    : `${format.number(quantity, { maximumFractionDigits: 3 })}${unit ? ` ${unit === 'm3' ? 'm³' : unit}` : ''}`;

/** One line per potential, as the list and the export summarise them: commodity, territory, quantity. */
export const potentialLine = (
  t: TFunction,
  format: Formatters,
  territoryLabel: (code: string | null) => string,
  p: Potential,
): string =>
  [
    t(`leads.commodity.${p.commodity}`),
    p.territoryCode ? territoryLabel(p.territoryCode) : null,
    quantityText(format, p.quantity, p.quantityUnit),
  ]
    .filter(Boolean)
    .join(' · ');

/** "Jana Kováčová" from the lead's contact person, or null without one. */
export const contactName = (lead: {
  contactFirstName: string | null;
  contactLastName: string | null;
}): string | null => [lead.contactFirstName, lead.contactLastName].filter(Boolean).join(' ') || null;
