import { ledger } from '../../../api';
import { RegisterFormPage } from '../../people/RegisterFormPage';
import { useWomanListStore } from '../list/listStore';
import { newWomanValues, recordToValues } from './formValues';
import { WomanForm } from './WomanForm';

const load = (id: string) => ledger().call('women.get', { id });

/** 新增 at /women/new, 编辑 at /women/:id/edit. */
export function WomanFormPage() {
  const invalidate = useWomanListStore((s) => s.invalidate);
  return (
    <RegisterFormPage
      listPath="/women"
      listTitle="留守妇女台账"
      titles={{ add: '新增留守妇女', edit: '编辑留守妇女信息' }}
      subtitle="农村留守妇女基本情况登记"
      load={load}
      toValues={recordToValues}
      blank={newWomanValues}
      invalidate={invalidate}
      renderForm={({ id, ...props }) => <WomanForm womanId={id} {...props} />}
    />
  );
}
