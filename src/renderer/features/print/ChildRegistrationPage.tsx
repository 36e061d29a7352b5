/** /print/child/:id — the child's 农村留守儿童基本情况登记表. */
import { useParams } from 'react-router';
import { ledger } from '../../api';
import { CHILD_FORM_TITLE, ChildRegistrationForm } from './ChildRegistrationForm';
import { PrintFrame, type FrameState } from './PrintFrame';
import { useLoaded } from './useLoaded';

export function ChildRegistrationPage({ stationName }: { stationName: string }) {
  const { id = '' } = useParams<{ id: string }>();
  const loaded = useLoaded(id, () => ledger().call('children.get', { id }));
  const status: FrameState = loaded.state === 'ready' ? { state: 'ready' } : loaded;
  const child = loaded.state === 'ready' ? loaded.value : null;
  return (
    <PrintFrame title={CHILD_FORM_TITLE} fileName={`${CHILD_FORM_TITLE}-${child?.name ?? ''}`} back={`/children/${id}`} status={status}>
      {child && <ChildRegistrationForm child={child} stationName={stationName} />}
    </PrintFrame>
  );
}
