/**
 * Writes generated demo people and their visits in the caller's long write: every row through
 * `insertRow` and the row builders the handlers use, so demo rows are audited and captured like
 * any other (hazard: they are real rows, see generate.ts). Pauses after each progress report so
 * the bar moves while the transaction stays open.
 */
import { v7 as uuidv7 } from 'uuid';
import type { ChildData, WomanData } from '../../../shared/contract';
import type { HighAgeBand } from '../../../shared/domain/elders';
import { addDays } from '../../../shared/domain/dates';
import { frequencyFor } from '../../../shared/domain/visitDue';
import { categoryRow, childRow } from '../children/rows';
import type { CallContext } from '../context';
import { agreementRow, contactRow, elderRow, groupRow } from '../elders/rows';
import { ownerOf } from '../people/register';
import type { DueRules } from '../rules/read';
import { insertRow, type WriteContext } from '../sync/capture';
import { visitRow } from '../visits/rows';
import { womanRow } from '../women/rows';
import type { Subject } from '../visits/subjects';
import type { DemoElder } from './elders';
import { TownshipVisits, stationStaff, type DemoVisits, type VisitSubject } from './visits';

export const CHILDREN_PHASE = '生成演示数据';
export const ELDERS_PHASE = '生成老人演示数据';
/** Progress reports per so many people: often enough for a bar, rare enough to cost nothing. */
const CHILDREN_PER_REPORT = 250;
/** Elders come with more rows each (groups, contacts, a visit a month for most). */
const ELDERS_PER_REPORT = 100;
/** In each township the 7th elder had a major change yesterday, still waiting for its visit. */
const PENDING_CHANGE_INDEX = 6;
/** An elder in no target group (on the register for meals, say) was registered about half a year ago. */
const UNGROUPED_SINCE_DAYS = 180;

export interface WriteRun {
  w: WriteContext;
  pause: () => Promise<void>;
  call: CallContext;
  today: string;
}

/** What visits need: the county's due rules and the visitors of each township. */
export interface VisitSource {
  rules: DueRules;
  township(code: string): TownshipVisits;
}

export function visitSource(rules: DueRules, today: string): VisitSource {
  const byTownship = new Map<string, TownshipVisits>();
  return {
    rules,
    township(code) {
      let t = byTownship.get(code);
      if (!t) byTownship.set(code, (t = new TownshipVisits(today, stationStaff(code))));
      return t;
    },
  };
}

export interface Written {
  people: number;
  /** Group or category rows. */
  tags: number;
  /** Contacts and agreements (elders only). */
  related: number;
  visits: number;
  majorChanges: number;
}

const none = (): Written => ({ people: 0, tags: 0, related: 0, visits: 0, majorChanges: 0 });

function writeVisits(run: WriteRun, subject: Subject, made: DemoVisits, into: Written): void {
  for (const v of made.visits) insertRow(run.w, 'visits', uuidv7(), visitRow(v, subject), subject.stationCode);
  for (const c of made.majorChanges) {
    // The columns visits.saveMajorChange writes.
    insertRow(run.w, 'major_changes', uuidv7(), { subject_kind: subject.kind, subject_id: subject.id, occurred_on: c.occurredOn, description: c.description }, subject.stationCode);
  }
  into.visits += made.visits.length;
  into.majorChanges += made.majorChanges.length;
}

function subjectOf(kind: Subject['kind'], id: string, stationCode: string, p: { name: string; villageCode: string }): Subject {
  return { kind, id, stationCode, name: p.name, villageCode: p.villageCode, townshipCode: p.villageCode.slice(0, 9) };
}

/** Whom an elder's visits are for: their frequency under the county's rule, since they joined a group. */
export function elderVisitSubject(e: Pick<DemoElder, 'elder' | 'traits' | 'index'>, rules: DueRules, today: string): VisitSubject {
  const { elder } = e;
  const held = elder.groups.filter((g) => g.endDate === undefined || g.endDate >= today);
  return {
    kind: 'elder',
    seed: elder.idNumber,
    villageCode: elder.villageCode,
    frequency: frequencyFor(rules.elder, { tier: elder.riskTier, groups: held.map((g) => g.group) }),
    from: held.length > 0 ? held.reduce((m, g) => (g.startDate < m ? g.startDate : m), today) : addDays(today, -UNGROUPED_SINCE_DAYS),
    until: today,
    visitor: elder.visitor,
    elder: e.traits,
    pendingChange: e.index === PENDING_CHANGE_INDEX,
  };
}

export async function writeElders(run: WriteRun, elders: Iterable<DemoElder>, total: number, bands: readonly HighAgeBand[], visits: VisitSource): Promise<Written> {
  const { w, call, today } = run;
  const out = none();
  call.progress({ phase: ELDERS_PHASE, done: 0, total });
  for (const { elder, contacts, agreements, traits, index } of elders) {
    const id = uuidv7();
    const owner = ownerOf(w, elder.villageCode);
    insertRow(w, 'elders', id, elderRow(elder, today, bands), owner);
    for (const g of elder.groups) insertRow(w, 'elder_groups', uuidv7(), groupRow(id, g), owner);
    for (const c of contacts) insertRow(w, 'elder_contacts', uuidv7(), contactRow(id, c), owner);
    for (const a of agreements) insertRow(w, 'support_agreements', uuidv7(), agreementRow(id, a), owner);
    out.tags += elder.groups.length;
    out.related += contacts.length + agreements.length;

    writeVisits(run, subjectOf('elder', id, owner, elder), visits.township(owner).of(elderVisitSubject({ elder, traits, index }, visits.rules, today)), out);

    out.people++;
    if (out.people % ELDERS_PER_REPORT === 0 || out.people === total) {
      call.progress({ phase: ELDERS_PHASE, done: out.people, total });
      await run.pause();
    }
  }
  return out;
}

/** Left-behind women: few rows each, written without pauses of their own. */
export function writeWomen(run: WriteRun, women: Iterable<WomanData>): number {
  let n = 0;
  for (const woman of women) {
    insertRow(run.w, 'women', uuidv7(), womanRow(woman), ownerOf(run.w, woman.villageCode));
    n++;
  }
  return n;
}

/** Children, each with their categories, and with their visits when `visits` is given. */
export async function writeChildren(run: WriteRun, children: Iterable<ChildData>, total: number, visits?: VisitSource): Promise<Written> {
  const { w, call, today } = run;
  const out = none();
  call.progress({ phase: CHILDREN_PHASE, done: 0, total });
  for (const child of children) {
    const id = uuidv7();
    // At the county, each child belongs to its township's station, as if that station sent it.
    const owner = ownerOf(w, child.villageCode);
    insertRow(w, 'children', id, childRow(child), owner);
    for (const c of child.categories) insertRow(w, 'child_categories', uuidv7(), categoryRow(id, c), owner);
    out.tags += child.categories.length;

    if (visits) {
      // Visited while in a category: until today, or until the last one ended.
      const active = child.categories.filter((c) => !c.endDate || c.endDate >= today);
      const spans = active.length > 0 ? active : child.categories;
      const until = active.length > 0 ? today : spans.reduce((m, c) => (c.endDate! > m ? c.endDate! : m), '');
      const subject: VisitSubject = {
        kind: 'child',
        seed: child.idNumber,
        villageCode: child.villageCode,
        frequency: frequencyFor(visits.rules.child, { groups: spans.map((c) => c.category), guardianshipType: child.guardianshipType }),
        from: spans.reduce((m, c) => (c.startDate < m ? c.startDate : m), today),
        until,
        visitor: child.childDirector,
      };
      writeVisits(run, subjectOf('child', id, owner, child), visits.township(owner).of(subject), out);
    }

    out.people++;
    if (out.people % CHILDREN_PER_REPORT === 0 || out.people === total) {
      call.progress({ phase: CHILDREN_PHASE, done: out.people, total });
      await run.pause();
    }
  }
  return out;
}
