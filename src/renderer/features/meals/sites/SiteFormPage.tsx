import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { mealSiteInput, type MealSiteData, type MealSiteRecord } from '../../../../shared/contract';
import { errorMessage, useLedgerMutation, useLedgerQuery } from '../../../api';
import { FormActions } from '../../../ui/FormActions';
import { namePathOf } from '../../../ui/formErrors';
import { withoutNulls } from '../../../ui/formValues';
import { LedgerForm } from '../../../ui/LedgerForm';
import { PageHeader } from '../../../ui/PageHeader';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { RecordUnavailable } from '../../../ui/RecordUnavailable';
import { useFormSave } from '../../../ui/useFormSave';
import { newSiteValues, siteToValues, type SiteFormValues } from './siteFormValues';
import { SiteBasicSection, SiteLicenceSection, SiteOperationSection, SiteServingSection } from './siteFormSections';
import { useDeleteSite } from './useDeleteSite';

interface SiteFormProps {
  site: MealSiteRecord | null;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

function SiteForm({ site, onSaved, onCancel }: SiteFormProps) {
  const { message } = App.useApp();
  const saveSite = useLedgerMutation('meals.sites.save');
  const initialValues = useMemo(() => (site ? siteToValues(site) : newSiteValues()), [site]);
  const { form, saving, problem, save } = useFormSave<SiteFormValues, MealSiteData, { id: string }>({
    parse: (values) => mealSiteInput.safeParse(withoutNulls(values)),
    write: (data) => saveSite.mutateAsync({ id: site?.id, site: data }),
    // `meals.sites.save` wraps the values as `{ id, site }`.
    toPath: (key) => namePathOf(key, 'site'),
    invalidTitle: '填写的内容有误，请按红色提示修改',
    summary: 'always',
    done: ({ id }) => {
      message.success(site ? '已保存助餐点' : '已添加助餐点');
      onSaved(id);
    },
  });
  const running = Form.useWatch('status', form) === 'running';

  return (
    <LedgerForm<SiteFormValues> form={form} name="meal-site" layout="vertical" initialValues={initialValues} scrollToFirstError={false} style={{ maxWidth: 1200 }}>
      <Flex vertical gap={16}>
        <ProblemAlert problem={problem} testId="meal-site-problem" />
        <SiteBasicSection />
        <SiteOperationSection running={running} />
        <SiteServingSection />
        <SiteLicenceSection />
        {/* Not a submit button: Enter in a typed date must not save the whole form. */}
        <FormActions saving={saving} testId="meal-site-save" onSave={() => void save()} onCancel={onCancel} />
      </Flex>
    </LedgerForm>
  );
}

/** 新增助餐点 at /meals/sites/new, 编辑 at /meals/sites/:id/edit. */
export function SiteFormPage() {
  const { id } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const query = useLedgerQuery('meals.sites.get', { id: id ?? '' }, { enabled: id !== undefined });
  const site = id && !query.isError ? (query.data ?? null) : null;
  const remove = useDeleteSite(() => navigate('/meals'));
  const back = () => navigate(id ? `/meals/sites/${id}?tab=info` : '/meals');

  return (
    <Flex vertical gap={16} className="page">
      <PageHeader
        title={id ? `编辑助餐点${site ? `：${site.name}` : ''}` : '新增助餐点'}
        backLabel="返回"
        onBack={back}
        extra={<Typography.Text type="secondary">老年食堂、老年助餐点、老年餐桌的基本情况</Typography.Text>}
        actions={
          site && (
            <Button danger icon={<DeleteOutlined />} onClick={() => remove(site)} data-testid="meal-site-delete">
              删除
            </Button>
          )
        }
      />
      {id && query.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {id && query.isError && <RecordUnavailable message={errorMessage(query.error)} listPath="/meals" listTitle="老年助餐" />}
      {(!id || site) && (
        // Keyed by record: the form reads its initial values only when mounted.
        <SiteForm
          key={id ?? 'new'}
          site={site}
          onCancel={back}
          onSaved={(savedId) => navigate(id ? `/meals/sites/${savedId}?tab=info` : `/meals/sites/${savedId}?tab=diners`)}
        />
      )}
    </Flex>
  );
}
