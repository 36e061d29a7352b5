/**
 * Batch printing from the due list: one blank visit form per person due. The due list carries
 * only names and places, so each person's record is read for the form's head.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { DueRow } from '../../../shared/contract';
import type { DueStatusKind } from '../../../shared/domain/visitDue';
import { ledgerQuery } from '../../api';
import { fetchVisitSubject, type VisitSubject } from './visitSubject';

/** One batch per status of the due list that needs a visit, as the workbench's tabs split them. */
export const BATCHES = {
  overdue: { status: 'overdue', title: '逾期未访走访表' },
  'due-this-week': { status: 'due_this_week', title: '本周应访走访表' },
  'due-this-month': { status: 'due_this_month', title: '本月应访走访表' },
} as const satisfies Record<string, { status: Exclude<DueStatusKind, 'ok'>; title: string }>;
export type BatchName = keyof typeof BATCHES;

export function isBatchName(name: string | undefined): name is BatchName {
  return name !== undefined && Object.prototype.hasOwnProperty.call(BATCHES, name);
}

/** The due list's own maximum page: a bigger batch is printed in part and says so. */
export const BATCH_LIMIT = 2000;
/** Reads in flight at once: enough to hide latency, few enough not to starve the UI's own calls. */
const PARALLEL_READS = 4;

export interface Batch {
  today: string;
  subjects: VisitSubject[];
  /** Everyone due, including any beyond BATCH_LIMIT. */
  total: number;
}

/** The due list of the batch, as the workbench reads it: the key the composed batch is cached under too. */
export function batchDueInput(name: BatchName) {
  return { status: BATCHES[name].status, limit: BATCH_LIMIT };
}

export async function loadBatch(client: QueryClient, name: BatchName, onProgress: (done: number, total: number) => void, alive: () => boolean): Promise<Batch> {
  const due = await client.fetchQuery(ledgerQuery('workbench.due', batchDueInput(name)));
  const rows: DueRow[] = due.rows;
  const subjects: VisitSubject[] = new Array<VisitSubject>(rows.length);
  let next = 0;
  let done = 0;
  onProgress(0, rows.length);
  const worker = async () => {
    while (next < rows.length && alive()) {
      const at = next++;
      const row = rows[at]!;
      subjects[at] = await fetchVisitSubject(client, row.subjectKind, row.id);
      onProgress(++done, rows.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, rows.length) }, worker));
  return { today: due.today, subjects, total: due.total };
}
