import { RegisterFormPage } from '../../people/RegisterFormPage';
import { newWomanValues, recordToValues } from './formValues';
import { WomanForm } from './WomanForm';

/** 新增 at /women/new, 编辑 at /women/:id/edit. */
export function WomanFormPage() {
  return (
    <RegisterFormPage
      listPath="/women"
      listTitle="留守妇女台账"
      titles={{ add: '新增留守妇女', edit: '编辑留守妇女信息' }}
      subtitle="农村留守妇女基本情况登记"
      get="women.get"
      toValues={recordToValues}
      blank={newWomanValues}
      renderForm={({ id, ...props }) => <WomanForm womanId={id} {...props} />}
    />
  );
}
