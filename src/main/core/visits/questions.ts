/**
 * Each kind of person is asked its own questions (`VISIT_QUESTIONS`): a child's visit has no
 * elder's mobility or supporters, an elder's no child check. The core refuses such answers field by
 * field rather than dropping them, so nothing a visitor wrote disappears without a word. An edit
 * may carry back unchanged what an older visit already holds (child visits recorded before the
 * child check carry the elder's health answers the old form preset): refusing those would make
 * the visit uneditable.
 */
import { LedgerError, type VisitData, type VisitRecord } from '../../../shared/contract';
import { foreignAnswers, type SubjectKind } from '../../../shared/domain/visits';

export function requireAskedAnswers(kind: SubjectKind, visit: VisitData, stored?: VisitRecord): void {
  const kept = new Set((stored ? foreignAnswers(kind, stored) : []).map((a) => `${a.path}\u0000${a.value}`));
  const refused = foreignAnswers(kind, visit).filter((a) => !kept.has(`${a.path}\u0000${a.value}`));
  if (refused.length === 0) return;
  const fieldErrors: Record<string, string> = {};
  for (const a of refused) fieldErrors[`visit.${a.path}`] ??= a.message;
  throw new LedgerError({
    code: 'validation',
    message: '填写的内容有误，请按提示修改',
    detail: `visit of a ${kind} answers questions not asked of one: ${refused.map((a) => a.path).join(', ')}`,
    fieldErrors,
  });
}
