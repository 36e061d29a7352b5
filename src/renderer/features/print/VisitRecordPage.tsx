/** /print/visit/:visitId — a recorded visit on the paper form, for signatures. */
import { useParams } from 'react-router';
import type { VisitRecord } from '../../../shared/contract';
import { ledger } from '../../api';
import { chineseDate } from './format';
import { PrintFrame, type FrameState } from './PrintFrame';
import { useLoaded } from './useLoaded';
import { VISIT_FORM_TITLE, VisitForm } from './VisitForm';
import { loadVisitSubject, type VisitSubject } from './visitSubject';

async function loadRecord(id: string): Promise<{ visit: VisitRecord; subject: VisitSubject }> {
  const visit = await ledger().call('visits.get', { id });
  return { visit, subject: await loadVisitSubject(visit.subjectKind, visit.subjectId) };
}

export function VisitRecordPage({ stationName }: { stationName: string }) {
  const { visitId = '' } = useParams<{ visitId: string }>();
  const loaded = useLoaded(visitId, () => loadRecord(visitId));
  const status: FrameState = loaded.state === 'ready' ? { state: 'ready' } : loaded;
  const record = loaded.state === 'ready' ? loaded.value : null;
  return (
    <PrintFrame
      title={VISIT_FORM_TITLE}
      fileName={record ? `${VISIT_FORM_TITLE}-${record.subject.name}-${chineseDate(record.visit.visitedOn)}` : VISIT_FORM_TITLE}
      back="/"
      status={status}
    >
      {record && <VisitForm subject={record.subject} visit={record.visit} stationName={stationName} />}
    </PrintFrame>
  );
}
