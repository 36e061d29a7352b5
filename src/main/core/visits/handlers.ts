import { v7 as uuidv7 } from 'uuid';
import { LedgerError, type MajorChangeRecord, type ParsedInputOf, type VisitListRow, type VisitRecord, type VisitTimeline } from '../../../shared/contract';
import type { SubjectKind } from '../../../shared/domain/visits';
import type { CoreContext } from '../context';
import type { Handlers } from '../handlers';
import { classifySearch } from '../people/list';
import { placeNames, placeNamesOf } from '../places/handlers';
import { insertRow, softDeleteRow, updateRow } from '../sync/capture';
import { dueOf } from '../workbench/due';
import { requireAskedAnswers } from './questions';
import { isFlagged, visitRecord, visitRow } from './rows';
import type { MajorChangesTable, VisitsTable } from './schema';
import { requireOwnSubject, requireSubject, SUBJECT_TABLE } from './subjects';

type SubTable = 'visits' | 'major_changes';
const LABEL: Record<SubTable, string> = { visits: '探访记录', major_changes: '重大变故记录' };

/** A live visit or major change, checked to be this station's to change. */
function requireOwnEntry(ctx: CoreContext, table: SubTable, id: string): { kind: SubjectKind; subjectId: string } {
  const row = ctx.db.prepare(`SELECT subject_kind, subject_id FROM ${table} WHERE id = ? AND deleted = 0`).get(id) as
    | { subject_kind: SubjectKind; subject_id: string }
    | undefined;
  if (!row) throw new LedgerError({ code: 'not_found', message: `该${LABEL[table]}不存在或已被删除`, detail: `${table} ${id} not found` });
  requireOwnSubject(ctx, row.subject_kind, row.subject_id);
  return { kind: row.subject_kind, subjectId: row.subject_id };
}

function getVisit(ctx: CoreContext, id: string): VisitRecord {
  const row = ctx.db.prepare('SELECT * FROM visits WHERE id = ? AND deleted = 0').get(id) as VisitsTable | undefined;
  if (!row) throw new LedgerError({ code: 'not_found', message: '该探访记录不存在或已被删除', detail: `visit ${id} not found` });
  const names = placeNamesOf(ctx, row);
  return visitRecord(row, { townshipName: names.township, villageName: names.village });
}

async function timeline(ctx: CoreContext, kind: SubjectKind, id: string): Promise<VisitTimeline> {
  requireSubject(ctx, kind, id);
  const rows = ctx.db.prepare('SELECT * FROM visits WHERE subject_id = ? AND deleted = 0 ORDER BY visited_on DESC, created_at DESC').all(id) as VisitsTable[];
  const names = placeNames(ctx, rows.flatMap((r) => [r.township_code, r.village_code]));
  const visits = rows.map((r) => visitRecord(r, { townshipName: names.get(r.township_code) ?? '', villageName: names.get(r.village_code) ?? '' }));
  const changes = ctx.db.prepare('SELECT * FROM major_changes WHERE subject_id = ? AND deleted = 0 ORDER BY occurred_on DESC, id DESC').all(id) as MajorChangesTable[];
  const majorChanges: MajorChangeRecord[] = changes.map((c) => ({
    id: c.id,
    occurredOn: c.occurred_on,
    description: c.description,
    visited: visits.some((v) => v.visitedOn >= c.occurred_on),
  }));
  const due = kind === 'woman' ? null : await dueOf(ctx, kind, id);
  return { visits, majorChanges, due };
}

function listVisits(ctx: CoreContext, q: ParsedInputOf<'visits.list'>): { total: number; rows: VisitListRow[] } {
  const station = ctx.requireStation();
  const owner = station.role === 'station' ? station.code : (q.stationCode ?? null);
  const where: string[] = ['v.deleted = 0'];
  const params: Record<string, string | number> = {};
  const add = (clause: string, name: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    params[name] = value;
  };
  add('v.station_code = :owner', 'owner', owner ?? undefined);
  add('v.subject_kind = :kind', 'kind', q.subjectKind);
  add('v.township_code = :township', 'township', q.townshipCode);
  add('v.village_code = :village', 'village', q.villageCode);
  add('v.visited_on >= :from', 'from', q.from);
  add('v.visited_on <= :to', 'to', q.to);
  // The person's name lives in one of three registers; a visitor's name in the visit.
  const subjectName = Object.entries(SUBJECT_TABLE)
    .map(([kind, table]) => `WHEN '${kind}' THEN (SELECT name FROM ${table} WHERE id = v.subject_id)`)
    .join(' ');
  const search = q.search ? classifySearch(q.search) : null;
  if (search && search.kind !== 'id') {
    const match = Object.values(SUBJECT_TABLE)
      .map((table) =>
        search.kind === 'pinyin'
          ? `EXISTS (SELECT 1 FROM ${table} s WHERE s.id = v.subject_id AND (s.name_initials LIKE :like OR s.name_pinyin LIKE :like))`
          : `EXISTS (SELECT 1 FROM ${table} s WHERE s.id = v.subject_id AND instr(s.name, :term) > 0)`,
      )
      .join(' OR ');
    where.push(`(${match}${search.kind === 'name' ? ' OR instr(v.visitors, :term) > 0' : ''})`);
    // Pinyin terms are letters only (classifySearch), so hold no LIKE wildcards.
    if (search.kind === 'pinyin') params.like = `${search.term}%`;
    else params.term = search.term;
  }
  const clause = where.join(' AND ');
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM visits v WHERE ${clause}`).get(params) as { n: number }).n;
  const rows = ctx.db
    .prepare(
      `SELECT v.*, CASE v.subject_kind ${subjectName} END AS subject_name FROM visits v WHERE ${clause}
       ORDER BY v.visited_on DESC, v.created_at DESC LIMIT :limit OFFSET :offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset }) as (VisitsTable & { subject_name: string | null })[];
  const names = placeNames(ctx, rows.flatMap((r) => [r.township_code, r.village_code]));
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      stationCode: r.station_code,
      subjectKind: r.subject_kind as SubjectKind,
      subjectId: r.subject_id,
      subjectName: r.subject_name ?? '',
      townshipName: names.get(r.township_code) ?? '',
      villageName: names.get(r.village_code) ?? '',
      visitedOn: r.visited_on,
      visitors: JSON.parse(r.visitors) as string[],
      method: r.method as VisitListRow['method'],
      flagged: isFlagged(r),
    })),
  };
}

export function visitsHandlers(
  ctx: CoreContext,
): Pick<
  Handlers,
  | 'visits.timeline'
  | 'visits.get'
  | 'visits.list'
  | 'visits.create'
  | 'visits.update'
  | 'visits.delete'
  | 'visits.saveMajorChange'
  | 'visits.deleteMajorChange'
> {
  return {
    'visits.timeline': ({ subjectKind, subjectId }) => timeline(ctx, subjectKind, subjectId),
    'visits.get': ({ id }) => getVisit(ctx, id),
    'visits.list': (q) => listVisits(ctx, q),
    'visits.create': ({ subjectKind, subjectId, visit }, call) =>
      ctx.write(call, (w) => {
        const subject = requireOwnSubject(ctx, subjectKind, subjectId);
        requireAskedAnswers(subjectKind, visit);
        const id = uuidv7();
        insertRow(w, 'visits', id, visitRow(visit, subject), subject.stationCode);
        return { id };
      }),
    'visits.update': ({ id, visit }, call) =>
      ctx.write(call, (w) => {
        const { kind, subjectId } = requireOwnEntry(ctx, 'visits', id);
        requireAskedAnswers(kind, visit, getVisit(ctx, id));
        const row = visitRow(visit, requireSubject(ctx, kind, subjectId));
        // Where the visit took place stays as recorded, even if the person has moved since.
        delete row.village_code;
        delete row.township_code;
        updateRow(w, 'visits', id, row);
        return { id };
      }),
    'visits.delete': ({ id }, call) =>
      ctx.write(call, (w) => {
        requireOwnEntry(ctx, 'visits', id);
        softDeleteRow(w, 'visits', id);
        return { id };
      }),
    'visits.saveMajorChange': ({ subjectKind, subjectId, id, change }, call) =>
      ctx.write(call, (w) => {
        const values = { occurred_on: change.occurredOn, description: change.description };
        if (id === undefined) {
          const subject = requireOwnSubject(ctx, subjectKind, subjectId);
          const newId = uuidv7();
          insertRow(w, 'major_changes', newId, { subject_kind: subjectKind, subject_id: subjectId, ...values }, subject.stationCode);
          return { id: newId };
        }
        const owner = requireOwnEntry(ctx, 'major_changes', id);
        if (owner.subjectId !== subjectId) throw new LedgerError({ code: 'not_found', message: '该重大变故记录不存在或已被删除', detail: `major change ${id} is not for ${subjectId}` });
        updateRow(w, 'major_changes', id, values);
        return { id };
      }),
    'visits.deleteMajorChange': ({ id }, call) =>
      ctx.write(call, (w) => {
        requireOwnEntry(ctx, 'major_changes', id);
        softDeleteRow(w, 'major_changes', id);
        return { id };
      }),
  };
}
