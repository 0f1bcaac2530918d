/** What a drop on the board does: nothing (same column or outside), ask for a closing note first, or move. */
export type DropDecision = 'none' | 'close' | 'move';

export const dropDecision = (
  fromStageId: string | null | undefined,
  target: { id: string; closesAs: 'won' | 'lost' | null } | null | undefined,
): DropDecision => {
  if (!fromStageId || !target || target.id === fromStageId) return 'none';
  return target.closesAs ? 'close' : 'move';
};

/** The fields a stage's gate still needs for a case with these gate fields filled, in the stage's order. */
export const missingForStage = (requiredFields: readonly string[], filled: readonly string[]): string[] =>
  requiredFields.filter((field) => !filled.includes(field));
