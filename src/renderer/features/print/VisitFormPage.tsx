/** /print/visit-form/:kind/:id — a blank visit form with the person's details, for the field. */
import { useParams } from 'react-router';
import { frameStateOf, PrintFrame, type FrameState } from './PrintFrame';
import { VISIT_FORM_TITLE, VisitForm } from './VisitForm';
import { isSubjectKind, useVisitSubject } from './visitSubject';

const REGISTER_PATHS = { elder: '/elders', child: '/children', woman: '/women' } as const;

export function VisitFormPage({ stationName }: { stationName: string }) {
  const { kind, id = '' } = useParams<{ kind: string; id: string }>();
  const known = isSubjectKind(kind);
  const read = useVisitSubject(known ? kind : undefined, id);
  const status: FrameState = known ? frameStateOf(read) : { state: 'error', message: '没有这类走访对象' };
  const subject = status.state === 'ready' ? read.data : undefined;
  return (
    <PrintFrame title={VISIT_FORM_TITLE} fileName={`${VISIT_FORM_TITLE}-${subject?.name ?? ''}`} back={known ? `${REGISTER_PATHS[kind]}/${id}` : '/'} status={status}>
      {subject && <VisitForm subject={subject} stationName={stationName} />}
    </PrintFrame>
  );
}
