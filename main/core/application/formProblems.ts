/** A form's problems (common/formChecks.ts) as the core's refusal: the first message, every field in details. */
import { AppError } from '#common/errors.js';
import type { FieldProblem } from '#common/formChecks.js';

export function refuseProblems(problems: readonly FieldProblem[]): void {
  const first = problems[0];
  if (!first) return;
  throw new AppError(
    'VALIDATION',
    problems.length === 1 ? first.message : problems.map((p) => p.message).join('；'),
    problems.map((p) => ({ path: p.field, message: p.message })),
  );
}
