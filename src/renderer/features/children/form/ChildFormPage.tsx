import { RegisterFormPage } from '../../people/RegisterFormPage';
import { ChildForm } from './ChildForm';
import { newChildValues, recordToValues } from './formValues';

/** 新增 at /children/new, 编辑 at /children/:id/edit. */
export function ChildFormPage() {
  return (
    <RegisterFormPage
      listPath="/children"
      listTitle="儿童台账"
      titles={{ add: '新增儿童', edit: '编辑儿童信息' }}
      subtitle="农村留守儿童和困境儿童基本情况登记"
      get="children.get"
      toValues={recordToValues}
      blank={newChildValues}
      renderForm={({ id, ...props }) => <ChildForm childId={id} {...props} />}
    />
  );
}
