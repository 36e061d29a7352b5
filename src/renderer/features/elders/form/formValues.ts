import type { ElderGroupInput, ElderInput, ElderRecord } from '../../../../shared/contract';
import type { ElderGroup } from '../../../../shared/domain/elders';
import { withoutNulls } from '../../../ui/formValues';

/** What the form holds while being filled in: anything may still be missing. */
export type ElderFormValues = Partial<Omit<ElderInput, 'groups'>> & { groups?: Partial<ElderGroupInput>[] };

/** What a new record starts with: the common answers, never a guess about living or capability. */
export function newElderValues(): ElderFormValues {
  return { ethnicity: '01', benefits: [], groups: [{}] };
}

export function recordToValues(r: ElderRecord): ElderInput {
  const {
    id: _id,
    stationCode: _station,
    birthDate: _birth,
    sex: _sex,
    age: _age,
    townshipCode: _township,
    townshipName: _townshipName,
    villageName: _villageName,
    highAgeClass: _highAge,
    contacts: _contacts,
    agreements: _agreements,
    createdAt: _created,
    updatedAt: _updated,
    groups,
    ...fields
  } = r;
  return { ...fields, benefits: [...fields.benefits], groups: groups.map((g) => ({ ...g })) };
}

function cleanGroup(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const g = raw as Partial<ElderGroupInput>;
  return { id: g.id, group: g.group, startDate: g.startDate ?? '', endDate: g.endDate, note: g.note };
}

/** Antd's cleared inputs hold null, the contract wants absent: normalise before validating. */
export function formToInput(values: unknown): unknown {
  const v = withoutNulls(values) as Record<string, unknown>;
  return { ...v, groups: Array.isArray(v.groups) ? v.groups.map(cleanGroup) : [] };
}

/** The groups held on `today` among what the form holds: those without an exit date, or leaving later. */
export function heldGroups(groups: readonly (Partial<ElderGroupInput> | undefined)[] | undefined, today: string): ElderGroup[] {
  return (groups ?? []).flatMap((g) => (g?.group && (!g.endDate || g.endDate >= today) ? [g.group] : []));
}
