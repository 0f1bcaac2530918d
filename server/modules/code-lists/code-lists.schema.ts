import { boolean, date, integer, jsonb, pgTable, unique, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';

/** Administrable code lists (CORE-7); labels per UI language, values referenced by `code`. */
export const codeListItems = pgTable(
  'code_list_items',
  {
    id: primaryId(),
    list: varchar({ length: 40 }).notNull(),
    code: varchar({ length: 40 }).notNull(),
    labels: jsonb().$type<Record<string, string>>().notNull(),
    sortOrder: integer().notNull().default(0),
    isActive: boolean().notNull().default(true),
    validFrom: date(),
    validTo: date(),
    ...auditColumns(),
  },
  (t) => [unique().on(t.list, t.code)],
);
