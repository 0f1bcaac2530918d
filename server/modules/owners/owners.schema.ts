import { pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';

/** An owner company: the company in whose name business is done (CORE-1). */
export const owners = pgTable('owners', {
  id: primaryId(),
  name: varchar({ length: 200 }).notNull(),
  country: varchar({ length: 2 }).notNull(),
  companyId: varchar({ length: 30 }),
  currency: varchar({ length: 3 }).notNull().default('EUR'),
  note: text(),
  ...auditColumns(),
});
