/** /print/visit-form/:kind/:id — a blank visit form with the person's details, for the field. */
import { useParams } from 'react-router';
import { LedgerError } from '../../../shared/contract';
import { PrintFrame, type FrameState } from './PrintFrame';
import { useLoaded } from './useLoaded';
import { VISIT_FORM_TITLE, VisitForm } from './VisitForm';
import { isSubjectKind, loadVisitSubject, type VisitSubject } from './visitSubject';

const REGISTER_PATHS = { elder: '/elders', child: '/children', woman: '/women' } as const;

export function VisitFormPage({ stationName }: { stationName: string }) {
  const { kind, id = '' } = useParams<{ kind: string; id: string }>();
  const loaded = useLoaded<VisitSubject>(`${kind}/${id}`, () =>
    isSubjectKind(kind) ? loadVisitSubject(kind, id) : Promise.reject(new LedgerError({ code: 'not_found', message: '没有这类走访对象' })),
  );
  const status: FrameState = loaded.state === 'ready' ? { state: 'ready' } : loaded;
  const subject = loaded.state === 'ready' ? loaded.value : null;
  return (
    <PrintFrame
      title={VISIT_FORM_TITLE}
      fileName={`${VISIT_FORM_TITLE}-${subject?.name ?? ''}`}
      back={isSubjectKind(kind) ? `${REGISTER_PATHS[kind]}/${id}` : '/'}
      status={status}
    >
      {subject && <VisitForm subject={subject} stationName={stationName} />}
    </PrintFrame>
  );
}
