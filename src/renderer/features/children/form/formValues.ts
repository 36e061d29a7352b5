import type { ChildCategoryInput, ChildInput, ChildRecord } from '../../../../shared/contract';
import type { ChildCategory } from '../../../../shared/domain/children';
import { withoutNulls } from '../../../ui/formValues';

/** What the form holds while being filled in: anything may still be missing. */
export type ChildFormValues = Partial<Omit<ChildInput, 'categories'>> & { categories?: Partial<ChildCategoryInput>[] };

/** What a new record starts with: the common answers, never a guess about guardianship or schooling. */
export function newChildValues(): ChildFormValues {
  return {
    ethnicity: '01',
    hukouRegistered: true,
    hukouType: 'rural',
    healthStatus: 'healthy',
    boarding: false,
    incomeSources: [],
    assistance: [],
    categories: [{ reasons: [] }],
  };
}

export function recordToValues(r: ChildRecord): ChildInput {
  const {
    id: _id,
    stationCode: _station,
    birthDate: _birth,
    sex: _sex,
    townshipCode: _township,
    townshipName: _townshipName,
    villageName: _villageName,
    reportReasons: _reasons,
    createdAt: _created,
    updatedAt: _updated,
    categories,
    ...fields
  } = r;
  return { ...fields, categories: categories.map((c) => ({ ...c, reasons: [...c.reasons] })) };
}

const REASON_KIND: Record<ChildCategory, 'reason' | 'reasons'> = {
  left_behind: 'reason',
  orphan: 'reason',
  unsupported: 'reasons',
  difficulty: 'reasons',
};

function cleanCategory(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const c = raw as Partial<ChildCategoryInput>;
  const kind = c.category ? REASON_KIND[c.category] : undefined;
  return {
    id: c.id,
    category: c.category,
    startDate: c.startDate ?? '',
    endDate: c.endDate,
    reason: kind === 'reason' ? c.reason : undefined,
    reasons: kind === 'reasons' ? (c.reasons ?? []) : [],
    care: c.category === 'orphan' ? c.care : undefined,
  };
}

/**
 * The form's store holds values of fields that are hidden now (a disability type after the health
 * status went back to 健康, the reason of a category since changed): drop them before validating.
 */
export function formToInput(values: unknown): unknown {
  const v = withoutNulls(values) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...v };
  if (v.healthStatus !== 'disabled') {
    out.disabilityType = undefined;
    out.disabilityGrade = undefined;
  }
  if (v.healthStatus !== 'ill') out.illness = undefined;
  out.categories = Array.isArray(v.categories) ? v.categories.map(cleanCategory) : [];
  return out;
}
