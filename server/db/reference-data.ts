import type { ServiceContext } from '../context.js';
import { ensureDefaultCodeLists } from '../modules/code-lists/code-lists.service.js';
import { ensureEnergyReferenceData } from '../modules/code-lists/energy-reference.service.js';
import { ensurePricingReferenceData } from '../modules/price-lists/price-lists.service.js';
import { ensureRoles } from '../modules/users/users.service.js';

/** Rows every installation needs (roles, default code lists); idempotent, run at every start. */
export const ensureReferenceData = async (ctx: ServiceContext): Promise<void> => {
  await ensureRoles(ctx);
  await ensureDefaultCodeLists(ctx);
  await ensureEnergyReferenceData(ctx);
  await ensurePricingReferenceData(ctx);
};
