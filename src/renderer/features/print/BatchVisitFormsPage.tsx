/** /print/batch/due-this-week and /print/batch/overdue — one blank visit form per person, one per page. */
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { errorData } from '../../api';
import { BATCH_LIMIT, BATCHES, isBatchName, loadBatch, type Batch } from './batch';
import { chineseDate } from './format';
import { PrintFrame, type FrameState } from './PrintFrame';
import { VisitForm } from './VisitForm';

type BatchState = { name: string; status: FrameState; batch?: Batch };

export function BatchVisitFormsPage({ stationName }: { stationName: string }) {
  const { which } = useParams<{ which: string }>();
  const name = which ?? '';
  const [loaded, setLoaded] = useState<BatchState | null>(null);

  useEffect(() => {
    let live = true;
    if (!isBatchName(name)) {
      setLoaded({ name, status: { state: 'error', message: '没有这种批量打印，请从工作台进入' } });
      return;
    }
    const progress = (done: number, total: number) => live && setLoaded({ name, status: { state: 'loading', progress: `正在准备 ${done} / ${total} 份…` } });
    loadBatch(name, progress, () => live)
      .then((batch) => live && setLoaded({ name, status: { state: 'ready' }, batch }))
      .catch((e: unknown) => live && setLoaded({ name, status: { state: 'error', message: errorData(e).message } }));
    return () => {
      live = false;
    };
  }, [name]);

  const current = loaded?.name === name ? loaded : null;
  const status: FrameState = current?.status ?? { state: 'loading' };
  const batch = current?.batch;
  const title = isBatchName(name) ? BATCHES[name].title : '批量打印';
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
