import type { WomanInput, WomanRecord } from '../../../../shared/contract';
import { todayIso } from '../../../../shared/domain/dates';
import { withoutNulls } from '../../../ui/formValues';

/** What the form holds while being filled in: anything may still be missing. */
export type WomanFormValues = Partial<WomanInput>;

/** A new record starts registered today, healthy, with no needs ticked. */
export function newWomanValues(): WomanFormValues {
  return { health: 'healthy', needs: [], sinceOn: todayIso() };
}

export function recordToValues(r: WomanRecord): WomanInput {
  const {
    id: _id,
    stationCode: _station,
    birthDate: _birth,
    sex: _sex,
    age: _age,
    townshipCode: _township,
    townshipName: _townshipName,
    villageName: _villageName,
    active: _active,
    createdAt: _created,
    updatedAt: _updated,
    ...fields
  } = r;
  return { ...fields, needs: [...fields.needs] };
}

/** Antd's cleared inputs hold null, the contract wants absent: normalise before validating. */
export function formToInput(values: unknown): unknown {
  const v = withoutNulls(values) as Record<string, unknown>;
  return { ...v, needs: Array.isArray(v.needs) ? v.needs : [] };
}
