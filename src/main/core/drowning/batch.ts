/**
 * Publicity dates for many children at once: letters handed out at school to every child of a
 * village, pledges collected a week later. Fills only what is empty unless told to overwrite, so
 * a second batch for the same village never silently changes dates already recorded.
 */
import { sql, type SqlBool } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ParsedInputOf, PublicityBatchResult } from '../../../shared/contract';
import type { CallContext, CoreContext } from '../context';
import { insertRow, updateRow, type Row } from '../sync/capture';
import { liveRowOf } from './publicity';
import { ownerFor, publicityWhere } from './publicityList';
import type { DrowningTables } from './schema';

type BatchInput = ParsedInputOf<'drowning.publicity.batch'>;

const PHASE = '正在登记防溺水宣传';
const PROGRESS_EVERY = 200;

interface Current {
  letter_on: string | null;
  pledge_on: string | null;
  handed_by: string | null;
}

export type FillPlan = { kind: 'set'; values: Row } | { kind: 'already' } | { kind: 'conflict' };

/** What a batch does to one child's row (`current` null: the child has none for the year yet). */
export function fillPlan(current: Current | null, b: { letterOn?: string; pledgeOn?: string; handedBy?: string; overwrite: boolean }): FillPlan {
  const letter = current?.letter_on ?? null;
  const pledge = current?.pledge_on ?? null;
  const takes = (given: string | undefined, held: string | null): given is string =>
    given !== undefined && (held === null || (b.overwrite && held !== given));
  const newLetter = takes(b.letterOn, letter) ? b.letterOn : letter;
  const newPledge = takes(b.pledgeOn, pledge) ? b.pledgeOn : pledge;
  if (newLetter === letter && newPledge === pledge) return { kind: 'already' };
  // A date kept from before may sit after the new one; leave such a child for a person to look at.
  if (newLetter !== null && newPledge !== null && newPledge < newLetter) return { kind: 'conflict' };
  const heldBy = current?.handed_by ?? null;
  const handedBy = b.handedBy !== undefined && (heldBy === null || b.overwrite) ? b.handedBy : heldBy;
  return { kind: 'set', values: { letter_on: newLetter, pledge_on: newPledge, handed_by: handedBy } };
}

export async function batchPublicity(ctx: CoreContext, call: CallContext, b: BatchInput): Promise<PublicityBatchResult> {
  const owner = ownerFor(ctx);
  const kdb = ctx.kdb.withTables<DrowningTables>();
  return ctx.writeInChunks(call, async (w, pause) => {
    // Read inside the write transaction: the app and the CLI may share the data dir.
    let query = kdb.selectFrom('children').select(['id', 'station_code']).where(publicityWhere(b, owner));
    if (b.childIds) query = query.where(sql<SqlBool>`children.id IN (SELECT value FROM json_each(${JSON.stringify(b.childIds)}))`);
    const targets = await query.orderBy('village_code').orderBy('name_pinyin').orderBy('id').execute();
    const result: PublicityBatchResult = {
      children: targets.length,
      set: 0,
      alreadySet: 0,
      conflicting: 0,
      notFound: b.childIds ? new Set(b.childIds).size - targets.length : 0,
    };
    call.progress({ phase: PHASE, done: 0, total: targets.length });
    let done = 0;
    for (const child of targets) {
      // The row belongs to the child's station (at the county too, like a single save).
      const existing = liveRowOf(ctx.db, child.id, b.year, child.station_code);
      const plan = fillPlan(existing ?? null, b);
      if (plan.kind === 'already') result.alreadySet++;
      else if (plan.kind === 'conflict') result.conflicting++;
      else {
        result.set++;
        if (existing) updateRow(w, 'drowning_publicity', existing.id, plan.values);
        else insertRow(w, 'drowning_publicity', uuidv7(), { child_id: child.id, year: b.year, ...plan.values, notes: null }, child.station_code);
      }
      done++;
      if (done % PROGRESS_EVERY === 0 || done === targets.length) {
        call.progress({ phase: PHASE, done, total: targets.length });
        await pause();
      }
    }
    return result;
  });
}
