import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { gateFields } from '../../../domain/sales/gates.js';
import { withTx, type ServiceContext } from '../../context.js';
import { AppError, notFound } from '../../http/errors.js';
import { listHistory, recordChange, type HistoryEntry } from '../audit/audit.service.js';
import { actorUserId, assertCan, can } from '../auth/permissions.js';
import type {
  ProcessTemplateCreateBody,
  ProcessTemplateResponse,
  ProcessTemplateUpdateBody,
  StageResponse,
} from './processes.api.js';
import { processStages, processStageTasks, processTemplates } from './processes.schema.js';

type TemplateRow = typeof processTemplates.$inferSelect;
type StageRow = typeof processStages.$inferSelect;
type TaskRow = typeof processStageTasks.$inferSelect;

/** The gate catalogue as the admin screen shows it: each case field with the i18n key of its label. */
export const listGateFields = () => gateFields.map((key) => ({ key, labelKey: `processes.gateFields.${key}` }));

/** Templates are the owner company's configuration: users see their owner's, administrators every owner's. */
const ownerCondition = (ctx: ServiceContext) => {
  const actor = ctx.actor;
  return actor.kind === 'user' && actor.scope !== 'all' ? eq(processTemplates.ownerId, actor.ownerId) : undefined;
};

/** Reading processes is part of sales work (boards, case cards) and of administering them. */
const assertCanRead = (ctx: ServiceContext) => {
  if (!can(ctx.actor, 'admin.processes')) assertCan(ctx.actor, 'sales.read');
};

const toStage = (stage: StageRow, tasks: TaskRow[]): StageResponse => ({
  id: stage.id,
  templateId: stage.templateId,
  position: stage.position,
  name: stage.name,
  requiredFields: stage.requiredFields,
  closesAs: stage.closesAs ?? null,
  tasks: tasks
    .filter((t) => t.stageId === stage.id)
    .sort((a, b) => a.position - b.position)
    .map((t) => ({ id: t.id, position: t.position, title: t.title, fieldKey: t.fieldKey, departmentEmail: t.departmentEmail, dueInDays: t.dueInDays })),
});

const stagesWithTasks = async (ctx: ServiceContext, templateIds: string[]): Promise<StageResponse[]> => {
  if (templateIds.length === 0) return [];
  const stages = await ctx.db
    .select()
    .from(processStages)
    .where(inArray(processStages.templateId, templateIds))
    .orderBy(asc(processStages.templateId), asc(processStages.position));
  const tasks = stages.length
    ? await ctx.db.select().from(processStageTasks).where(inArray(processStageTasks.stageId, stages.map((s) => s.id)))
    : [];
  return stages.map((s) => toStage(s, tasks));
};

const toResponse = (row: TemplateRow, stages: StageResponse[]): ProcessTemplateResponse => ({
  id: row.id,
  ownerId: row.ownerId,
  name: row.name,
  description: row.description,
  isActive: row.isActive,
  stages: stages.filter((s) => s.templateId === row.id),
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const loadTemplate = async (ctx: ServiceContext, id: string, forUpdate = false): Promise<TemplateRow> => {
  const query = ctx.db.select().from(processTemplates).where(and(eq(processTemplates.id, id), ownerCondition(ctx)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Process template');
  return row;
};

export const listProcessTemplates = async (ctx: ServiceContext, options: { includeInactive: boolean }): Promise<ProcessTemplateResponse[]> => {
  assertCanRead(ctx);
  const rows = await ctx.db
    .select()
    .from(processTemplates)
    .where(and(ownerCondition(ctx), options.includeInactive ? undefined : eq(processTemplates.isActive, true)))
    .orderBy(asc(processTemplates.name), asc(processTemplates.id));
  const stages = await stagesWithTasks(ctx, rows.map((r) => r.id));
  return rows.map((r) => toResponse(r, stages));
};

export const getProcessTemplate = async (ctx: ServiceContext, id: string): Promise<ProcessTemplateResponse> => {
  assertCanRead(ctx);
  const row = await loadTemplate(ctx, id);
  return toResponse(row, await stagesWithTasks(ctx, [id]));
};

/** What the history shows of a template: its fields and its stages as one readable value. */
const snapshotOf = (template: ProcessTemplateResponse) => ({
  name: template.name,
  description: template.description,
  isActive: template.isActive,
  stages: template.stages.map((s) => ({
    name: s.name,
    requiredFields: s.requiredFields,
    closesAs: s.closesAs,
    tasks: s.tasks.map((t) => ({ title: t.title, fieldKey: t.fieldKey, departmentEmail: t.departmentEmail, dueInDays: t.dueInDays })),
  })),
});

const templateTarget = (row: { id: string; ownerId: string }) => ({
  entityType: 'processTemplate',
  entityId: row.id,
  rootType: 'processTemplate',
  rootId: row.id,
  ownerId: row.ownerId,
});

type StageInput = ProcessTemplateCreateBody['stages'][number];

/** Rules across rows that zod cannot see: ids must belong to this template, a closing stage creates no field tasks. */
const checkStages = (stages: StageInput[], existing: { stageIds: Set<string>; taskIds: Set<string> }) => {
  const errors = stages.flatMap((stage, i) => [
    ...(stage.id && !existing.stageIds.has(stage.id)
      ? [{ path: `stages.${i}.id`, code: 'unknown_stage', message: 'not a stage of this process' }]
      : []),
    ...stage.tasks.flatMap((task, j) =>
      task.id && !existing.taskIds.has(task.id)
        ? [{ path: `stages.${i}.tasks.${j}.id`, code: 'unknown_task', message: 'not a task of this process' }]
        : [],
    ),
  ]);
  const ids = stages.flatMap((s) => (s.id ? [s.id] : []));
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) errors.push({ path: 'stages', code: 'duplicate', message: `stage ${id} is listed twice` });
  });
  if (errors.length > 0) throw new AppError('validation', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
};

/**
 * Writes the stages as given, in order, keeping the ids of those that existed (cases point at them). A removed
 * stage that cases still stand in cannot go (409 `process.stage_in_use`).
 */
const writeStages = async (ctx: ServiceContext, templateId: string, stages: StageInput[]) => {
  const by = actorUserId(ctx.actor);
  const now = ctx.now();
  const current = await ctx.db.select({ id: processStages.id }).from(processStages).where(eq(processStages.templateId, templateId));
  const currentTasks = current.length
    ? await ctx.db
        .select({ id: processStageTasks.id, stageId: processStageTasks.stageId })
        .from(processStageTasks)
        .where(inArray(processStageTasks.stageId, current.map((s) => s.id)))
    : [];
  checkStages(stages, { stageIds: new Set(current.map((s) => s.id)), taskIds: new Set(currentTasks.map((t) => t.id)) });
  // Positions are unique per template: move the current ones out of the way before renumbering.
  await ctx.db
    .update(processStages)
    .set({ position: sql`-${processStages.position} - 1` })
    .where(eq(processStages.templateId, templateId));
  const keptTaskIds: string[] = [];
  const stageIds: string[] = [];
  for (const [position, stage] of stages.entries()) {
    const values = { name: stage.name, position, requiredFields: [...new Set(stage.requiredFields)], closesAs: stage.closesAs ?? null, updatedAt: now, updatedBy: by };
    let stageId = stage.id;
    if (stageId) {
      await ctx.db
        .update(processStages)
        .set({ ...values, version: sql`${processStages.version} + 1` })
        .where(eq(processStages.id, stageId));
    } else {
      const [row] = await ctx.db
        .insert(processStages)
        .values({ ...values, templateId, createdBy: by, createdAt: now })
        .returning({ id: processStages.id });
      stageId = row!.id;
    }
    stageIds.push(stageId);
    for (const [taskPosition, task] of stage.tasks.entries()) {
      const taskValues = {
        stageId,
        position: taskPosition,
        title: task.title,
        fieldKey: task.fieldKey ?? null,
        departmentEmail: task.departmentEmail?.toLowerCase() ?? null,
        dueInDays: task.dueInDays,
        updatedAt: now,
        updatedBy: by,
      };
      if (task.id) {
        await ctx.db.update(processStageTasks).set(taskValues).where(eq(processStageTasks.id, task.id));
        keptTaskIds.push(task.id);
      } else {
        const [row] = await ctx.db
          .insert(processStageTasks)
          .values({ ...taskValues, createdBy: by, createdAt: now })
          .returning({ id: processStageTasks.id });
        keptTaskIds.push(row!.id);
      }
    }
  }
  const removedStageIds = current.map((s) => s.id).filter((id) => !stageIds.includes(id));
  const removedTaskIds = currentTasks.map((t) => t.id).filter((id) => !keptTaskIds.includes(id));
  if (removedTaskIds.length > 0) await ctx.db.delete(processStageTasks).where(inArray(processStageTasks.id, removedTaskIds));
  if (removedStageIds.length > 0) {
    try {
      await ctx.db
        .delete(processStages)
        .where(and(eq(processStages.templateId, templateId), inArray(processStages.id, removedStageIds), notInArray(processStages.id, stageIds)));
    } catch (error) {
      const code = (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
      // A case still points at the stage (foreign key): the whole change is rolled back.
      if (code === '23503') {
        throw new AppError('process.stage_in_use', 'A removed stage still has cases; move them to another stage first', {
          errors: [{ path: 'stages', code: 'stage_in_use', message: 'a removed stage still has cases' }],
        });
      }
      throw error;
    }
  }
};

export const createProcessTemplate = async (ctx: ServiceContext, input: ProcessTemplateCreateBody): Promise<ProcessTemplateResponse> => {
  assertCan(ctx.actor, 'admin.processes');
  const actor = ctx.actor;
  const ownerId = actor.kind === 'user' && actor.scope !== 'all' ? actor.ownerId : input.ownerId ?? (actor.kind === 'user' ? actor.ownerId : undefined);
  if (!ownerId) throw new AppError('validation', 'ownerId is required', { errors: [{ path: 'ownerId', code: 'required', message: 'ownerId is required' }] });
  const by = actorUserId(actor);
  return withTx(ctx, async (ctx) => {
    const [row] = await ctx.db
      .insert(processTemplates)
      .values({ ownerId, name: input.name, description: input.description ?? null, isActive: input.isActive, createdBy: by, updatedBy: by, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    await writeStages(ctx, row!.id, input.stages);
    const created = toResponse(row!, await stagesWithTasks(ctx, [row!.id]));
    await recordChange(ctx, templateTarget(row!), 'create', null, snapshotOf(created));
    return created;
  });
};

export const updateProcessTemplate = async (
  ctx: ServiceContext,
  id: string,
  input: ProcessTemplateUpdateBody,
): Promise<ProcessTemplateResponse> => {
  assertCan(ctx.actor, 'admin.processes');
  return withTx(ctx, async (ctx) => {
    const row = await loadTemplate(ctx, id, true);
    if (row.version !== input.version) throw versionConflict();
    const before = toResponse(row, await stagesWithTasks(ctx, [id]));
    const [updated] = await ctx.db
      .update(processTemplates)
      .set({
        name: input.name ?? row.name,
        description: input.description === undefined ? row.description : input.description,
        isActive: input.isActive ?? row.isActive,
        version: input.version + 1,
        updatedAt: ctx.now(),
        updatedBy: actorUserId(ctx.actor),
      })
      .where(and(eq(processTemplates.id, id), eq(processTemplates.version, input.version)))
      .returning();
    if (!updated) throw versionConflict();
    if (input.stages) await writeStages(ctx, id, input.stages);
    const after = toResponse(updated, await stagesWithTasks(ctx, [id]));
    await recordChange(ctx, templateTarget(updated), input.isActive === false && row.isActive ? 'archive' : 'update', snapshotOf(before), snapshotOf(after));
    return after;
  });
};

const versionConflict = () => new AppError('version_conflict', 'The process was changed by someone else; reload it and try again');

export const processTemplateHistory = async (ctx: ServiceContext, id: string): Promise<HistoryEntry[]> => {
  assertCanRead(ctx);
  await loadTemplate(ctx, id);
  return listHistory(ctx, { type: 'processTemplate', id });
};

// ---- For the cases service: stages as a case meets them. No permission check here; cases checks its own. ----

export type ProcessStage = StageResponse & { ownerId: string; templateName: string; templateIsActive: boolean };

const stageQuery = (ctx: ServiceContext) =>
  ctx.db
    .select({ stage: processStages, ownerId: processTemplates.ownerId, templateName: processTemplates.name, isActive: processTemplates.isActive })
    .from(processStages)
    .innerJoin(processTemplates, eq(processTemplates.id, processStages.templateId));

const withTasks = async (ctx: ServiceContext, rows: Awaited<ReturnType<ReturnType<typeof stageQuery>['execute']>>): Promise<ProcessStage[]> => {
  const tasks = rows.length
    ? await ctx.db.select().from(processStageTasks).where(inArray(processStageTasks.stageId, rows.map((r) => r.stage.id)))
    : [];
  return rows.map((r) => ({ ...toStage(r.stage, tasks), ownerId: r.ownerId, templateName: r.templateName, templateIsActive: r.isActive }));
};

/** One stage with its tasks and its template's owner; 404 for a stage of another owner company. */
export const getProcessStage = async (ctx: ServiceContext, stageId: string): Promise<ProcessStage> => {
  const rows = await stageQuery(ctx).where(and(eq(processStages.id, stageId), ownerCondition(ctx)));
  const [stage] = await withTasks(ctx, rows);
  if (!stage) throw notFound('Stage');
  return stage;
};

/** The stages of a template in order, with their tasks; 404 for a template of another owner company. */
export const processStagesOf = async (ctx: ServiceContext, templateId: string): Promise<ProcessStage[]> => {
  const rows = await stageQuery(ctx)
    .where(and(eq(processStages.templateId, templateId), ownerCondition(ctx)))
    .orderBy(asc(processStages.position));
  if (rows.length === 0) throw notFound('Process template');
  return withTasks(ctx, rows);
};

/** Names of stages and their templates for lists and traces (no access rule: names of configuration). */
export const stageLabels = async (ctx: ServiceContext, stageIds: string[]) => {
  const ids = [...new Set(stageIds)];
  if (ids.length === 0) return new Map<string, { name: string; position: number; templateId: string; templateName: string }>();
  const rows = await ctx.db
    .select({ id: processStages.id, name: processStages.name, position: processStages.position, templateId: processStages.templateId, templateName: processTemplates.name })
    .from(processStages)
    .innerJoin(processTemplates, eq(processTemplates.id, processStages.templateId))
    .where(inArray(processStages.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
};
