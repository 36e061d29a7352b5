/** The people a visit or a major change is about: one row in the children, elders or women register. */
import { LedgerError } from '../../../shared/contract';
import type { SubjectKind } from '../../../shared/domain/visits';
import type { CoreContext } from '../context';
import { requireOwnLive, type PeopleTable } from '../people/register';

export const SUBJECT_TABLE: Readonly<Record<SubjectKind, PeopleTable>> = { child: 'children', elder: 'elders', woman: 'women' };
const SUBJECT_LABEL: Readonly<Record<SubjectKind, string>> = { child: '儿童', elder: '老人', woman: '留守妇女' };

export interface Subject {
  kind: SubjectKind;
  id: string;
  stationCode: string;
  name: string;
  villageCode: string;
  townshipCode: string;
}

const notFound = (kind: SubjectKind, id: string) =>
  new LedgerError({ code: 'not_found', message: `该${SUBJECT_LABEL[kind]}记录不存在或已被删除`, detail: `${SUBJECT_TABLE[kind]} ${id} not found` });

/** A live person of any station (reading a timeline). */
export function requireSubject(ctx: CoreContext, kind: SubjectKind, id: string): Subject {
  const row = ctx.db
    .prepare(`SELECT station_code, name, village_code, township_code FROM ${SUBJECT_TABLE[kind]} WHERE id = ? AND deleted = 0`)
    .get(id) as { station_code: string; name: string; village_code: string; township_code: string } | undefined;
  if (!row) throw notFound(kind, id);
  return { kind, id, stationCode: row.station_code, name: row.name, villageCode: row.village_code, townshipCode: row.township_code };
}

/** A live person this station keeps (the county may record for any station's person). */
export function requireOwnSubject(ctx: CoreContext, kind: SubjectKind, id: string): Subject {
  requireOwnLive(ctx, SUBJECT_TABLE[kind], id, () => notFound(kind, id), `该${SUBJECT_LABEL[kind]}的记录由其他乡镇的站点维护，不能在本站登记探访`);
  return requireSubject(ctx, kind, id);
}
