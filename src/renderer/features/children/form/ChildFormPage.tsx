import { ledger } from '../../../api';
import { RegisterFormPage } from '../../people/RegisterFormPage';
import { useChildListStore } from '../list/listStore';
import { ChildForm } from './ChildForm';
import { newChildValues, recordToValues } from './formValues';

const load = (id: string) => ledger().call('children.get', { id });

/** 新增 at /children/new, 编辑 at /children/:id/edit. */
export function ChildFormPage() {
  const invalidate = useChildListStore((s) => s.invalidate);
  return (
    <RegisterFormPage
      listPath="/children"
      listTitle="儿童台账"
      titles={{ add: '新增儿童', edit: '编辑儿童信息' }}
      subtitle="农村留守儿童和困境儿童基本情况登记"
      load={load}
      toValues={recordToValues}
      blank={newChildValues}
      invalidate={invalidate}
      renderForm={({ id, ...props }) => <ChildForm childId={id} {...props} />}
    />
  );
}
