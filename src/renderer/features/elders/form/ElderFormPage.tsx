import { RegisterFormPage } from '../../people/RegisterFormPage';
import { ElderForm } from './ElderForm';
import { newElderValues, recordToValues } from './formValues';

/** 新增 at /elders/new, 编辑 at /elders/:id/edit. */
export function ElderFormPage() {
  return (
    <RegisterFormPage
      listPath="/elders"
      listTitle="老人台账"
      titles={{ add: '新增老人', edit: '编辑老人信息' }}
      subtitle="农村留守、独居、空巢、失能等老年人基本情况登记"
      get="elders.get"
      toValues={recordToValues}
      blank={newElderValues}
      renderForm={({ id, ...props }) => <ElderForm elderId={id} {...props} />}
    />
  );
}
