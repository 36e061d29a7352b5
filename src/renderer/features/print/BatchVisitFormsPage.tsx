/** /print/batch/overdue, /due-this-week and /due-this-month — one blank visit form per person, one per page. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { BATCH_LIMIT, BATCHES, batchDueInput, isBatchName, loadBatch } from './batch';
import { chineseDate } from './format';
import { frameStateOf, PrintFrame, type FrameState } from './PrintFrame';
import { VisitForm } from './VisitForm';

export function BatchVisitFormsPage({ stationName }: { stationName: string }) {
  const { which } = useParams<{ which: string }>();
  const name = which ?? '';
  const known = isBatchName(name);
  const queryClient = useQueryClient();
  // Kept per batch: the count of another batch being prepared is never shown for this one.
  const [progress, setProgress] = useState<{ name: string; done: number; total: number } | null>(null);
  const read = useQuery({
    queryKey: ['workbench.due', known ? batchDueInput(name) : null, 'visit-forms'],
    queryFn: ({ signal }) => {
      if (!known) throw new Error(`no batch ${name}`);
      return loadBatch(queryClient, name, (done, total) => setProgress({ name, done, total }), () => !signal.aborted);
    },
    enabled: known,
    // Each opening reads afresh: the sheets list who is due now, with each person's record as it is now.
    gcTime: 0,
  });

  const shown = progress?.name === name ? progress : null;
  const status: FrameState = !known
    ? { state: 'error', message: '没有这种批量打印，请从工作台进入' }
    : read.isPending && shown
      ? { state: 'loading', progress: `正在准备 ${shown.done} / ${shown.total} 份…` }
      : frameStateOf(read);
  const batch = status.state === 'ready' ? read.data : undefined;
  const title = known ? BATCHES[name].title : '批量打印';
  const count = batch?.subjects.length ?? 0;
  const info = batch ? `共 ${count} 份${batch.total > count ? `（应访 ${batch.total} 人，一次最多打印 ${BATCH_LIMIT} 份）` : ''}` : undefined;
  return (
    <PrintFrame
      title={title}
      fileName={batch ? `${title}-${chineseDate(batch.today)}` : title}
      back="/"
      status={status}
      info={info}
      empty={batch && count === 0 ? '目前没有需要打印的走访表' : undefined}
    >
      {batch?.subjects.map((subject, i) => (
        <VisitForm
          key={`${subject.kind}/${subject.id}`}
          subject={subject}
          stationName={stationName}
          // On every sheet: a dropped pile can be put back in order and checked for gaps.
          note={`${title}（${chineseDate(batch.today)}）  第 ${i + 1} 份  共 ${count} 份`}
        />
      ))}
    </PrintFrame>
  );
}
