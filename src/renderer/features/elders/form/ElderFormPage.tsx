import { ledger } from '../../../api';
import { RegisterFormPage } from '../../people/RegisterFormPage';
import { useElderListStore } from '../list/listStore';
import { ElderForm } from './ElderForm';
import { newElderValues, recordToValues } from './formValues';

const load = (id: string) => ledger().call('elders.get', { id });

/** 新增 at /elders/new, 编辑 at /elders/:id/edit. */
export function ElderFormPage() {
  const invalidate = useElderListStore((s) => s.invalidate);
  return (
    <RegisterFormPage
      listPath="/elders"
      listTitle="老人台账"
      titles={{ add: '新增老人', edit: '编辑老人信息' }}
      subtitle="农村留守、独居、空巢、失能等老年人基本情况登记"
      load={load}
      toValues={recordToValues}
      blank={newElderValues}
      invalidate={invalidate}
      renderForm={({ id, ...props }) => <ElderForm elderId={id} {...props} />}
    />
  );
}
