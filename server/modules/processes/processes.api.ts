import { z } from 'zod';
import { gateFields } from '../../../domain/sales/gates.js';
import { Email, Id, OptionalText, Version } from '../../../domain/schemas/common.js';

export const GateFieldKey = z.enum(gateFields).describe('A case field from the gate catalogue (GET /process-templates/gate-fields)');

const StageTaskBody = z.strictObject({
  id: Id.optional().describe('Keep the id of an existing task to change it; leave out for a new one'),
  title: z.string().trim().min(1).max(200),
  fieldKey: GateFieldKey.nullish().describe('The task asks for this case field and closes itself when it is filled'),
  departmentEmail: Email.nullish().describe('A task for another department, e-mailed there'),
  dueInDays: z.number().int().min(0).max(365).default(3).describe('Due this many days after the case enters the stage'),
});

const StageBody = z.strictObject({
  id: Id.optional().describe('Keep the id of an existing stage to change it; leave out for a new one'),
  name: z.string().trim().min(1).max(120),
  requiredFields: z.array(GateFieldKey).max(20).default([]).describe('Fields that must be filled before a case may enter the stage'),
  closesAs: z.enum(['won', 'lost']).nullish().describe('Entering the stage closes the case with this outcome'),
  tasks: z.array(StageTaskBody).max(30).default([]),
});

export const ProcessTemplateCreateBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: OptionalText(2000),
  isActive: z.boolean().default(true),
  stages: z.array(StageBody).min(1).max(30).describe('In order; a case enters the first one'),
  ownerId: Id.optional().describe('Owner company; only users who see all owners may choose it'),
});
export type ProcessTemplateCreateBody = z.infer<typeof ProcessTemplateCreateBody>;

export const ProcessTemplateUpdateBody = ProcessTemplateCreateBody.omit({ ownerId: true }).partial().extend({ version: Version });
export type ProcessTemplateUpdateBody = z.infer<typeof ProcessTemplateUpdateBody>;

export const ProcessListQuery = z.object({
  includeInactive: z.enum(['true', 'false']).default('false'),
});

export const StageTaskResponse = z.object({
  id: Id,
  position: z.number().int(),
  title: z.string(),
  fieldKey: z.string().nullable(),
  departmentEmail: z.string().nullable(),
  dueInDays: z.number().int(),
});
export type StageTaskResponse = z.infer<typeof StageTaskResponse>;

export const StageResponse = z.object({
  id: Id,
  templateId: Id,
  position: z.number().int(),
  name: z.string(),
  requiredFields: z.array(z.string()),
  closesAs: z.enum(['won', 'lost']).nullable(),
  tasks: z.array(StageTaskResponse),
});
export type StageResponse = z.infer<typeof StageResponse>;

export const ProcessTemplateResponse = z.object({
  id: Id,
  ownerId: Id,
  name: z.string(),
  description: z.string().nullable(),
  isActive: z.boolean(),
  stages: z.array(StageResponse),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ProcessTemplateResponse = z.infer<typeof ProcessTemplateResponse>;

export const ProcessTemplateList = z.object({ items: z.array(ProcessTemplateResponse) });

export const GateFieldList = z.object({
  items: z.array(z.object({ key: GateFieldKey, labelKey: z.string().describe('i18n key of the label in the web UI') })),
});
