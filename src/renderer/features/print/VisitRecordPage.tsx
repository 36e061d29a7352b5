/** /print/visit/:visitId — a recorded visit on the paper form, for signatures. */
import { useParams } from 'react-router';
import { useLedgerQuery } from '../../api';
import { chineseDate } from './format';
import { frameStateOf, PrintFrame } from './PrintFrame';
import { VISIT_FORM_TITLE, VisitForm } from './VisitForm';
import { useVisitSubject } from './visitSubject';

export function VisitRecordPage({ stationName }: { stationName: string }) {
  const { visitId = '' } = useParams<{ visitId: string }>();
  const read = useLedgerQuery('visits.get', { id: visitId });
  // The person is read once the visit names them.
  const person = useVisitSubject(read.data?.subjectKind, read.data?.subjectId);
  const status = frameStateOf(read, person);
  const visit = status.state === 'ready' ? read.data : undefined;
  const subject = status.state === 'ready' ? person.data : undefined;
  return (
    <PrintFrame
      title={VISIT_FORM_TITLE}
      fileName={visit && subject ? `${VISIT_FORM_TITLE}-${subject.name}-${chineseDate(visit.visitedOn)}` : VISIT_FORM_TITLE}
      back="/"
      status={status}
    >
      {visit && subject && <VisitForm subject={subject} visit={visit} stationName={stationName} />}
    </PrintFrame>
  );
}
