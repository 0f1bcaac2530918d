import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, primaryId } from '../../db/columns.js';
import { owners } from '../owners/owners.schema.js';

/** A sales process an administrator defines (SALES-6), e.g. "municipal utility" or "industrial customer". */
export const processTemplates = pgTable('process_templates', {
  id: primaryId(),
  ownerId: uuid()
    .notNull()
    .references(() => owners.id),
  name: varchar({ length: 120 }).notNull(),
  description: text(),
  isActive: boolean().notNull().default(true),
  ...auditColumns(),
});

/**
 * An ordered stage of a process. `requiredFields` are case field keys (cases service's gate fields, e.g.
 * `supplyPointIds`, `totalDemand`, `expectedCloseDate`) that must be filled before a case may enter the stage.
 */
export const processStages = pgTable(
  'process_stages',
  {
    id: primaryId(),
    templateId: uuid()
      .notNull()
      .references(() => processTemplates.id),
    position: integer().notNull(),
    name: varchar({ length: 120 }).notNull(),
    requiredFields: jsonb().$type<string[]>().notNull().default([]),
    /** Entering a won/lost stage closes the case with that outcome; null for working stages. */
    closesAs: varchar({ length: 4, enum: ['won', 'lost'] }),
    ...auditColumns(),
  },
  (t) => [uniqueIndex().on(t.templateId, t.position), index().on(t.templateId)],
);

/**
 * A task that entering a stage creates. With `fieldKey` it asks for that case field and closes itself when the
 * field is filled; with `departmentEmail` it is for another department and is e-mailed to it.
 */
export const processStageTasks = pgTable(
  'process_stage_tasks',
  {
    id: primaryId(),
    stageId: uuid()
      .notNull()
      .references(() => processStages.id),
    position: integer().notNull().default(0),
    title: varchar({ length: 200 }).notNull(),
    fieldKey: varchar({ length: 60 }),
    departmentEmail: varchar({ length: 254 }),
    dueInDays: integer().notNull().default(3),
    ...auditColumns(),
  },
  (t) => [index().on(t.stageId)],
);
