/** /print/child/:id — the child's 农村留守儿童基本情况登记表. */
import { useParams } from 'react-router';
import { useLedgerQuery } from '../../api';
import { CHILD_FORM_TITLE, ChildRegistrationForm } from './ChildRegistrationForm';
import { frameStateOf, PrintFrame } from './PrintFrame';

export function ChildRegistrationPage({ stationName }: { stationName: string }) {
  const { id = '' } = useParams<{ id: string }>();
  const record = useLedgerQuery('children.get', { id });
  const status = frameStateOf(record);
  const child = status.state === 'ready' ? record.data : undefined;
  return (
    <PrintFrame title={CHILD_FORM_TITLE} fileName={`${CHILD_FORM_TITLE}-${child?.name ?? ''}`} back={`/children/${id}`} status={status}>
      {child && <ChildRegistrationForm child={child} stationName={stationName} />}
    </PrintFrame>
  );
}
