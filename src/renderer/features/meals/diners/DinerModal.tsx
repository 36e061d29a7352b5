import { Col, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import type { MealDinerRecord } from '../../../../shared/contract';
import { todayIso } from '../../../../shared/domain/dates';
import { labelOf } from '../../../../shared/domain/labels';
import { MEAL_CATEGORIES, SITE_STATUSES } from '../../../../shared/domain/meals';
import { useLedgerMutation, useLedgerQuery } from '../../../api';
import { DateField } from '../../../ui/DateField';
import { namePathOf, type NamePath } from '../../../ui/formErrors';
import { GUTTER, HALF_COL, YES_NO } from '../../../ui/formLayout';
import { withoutNulls } from '../../../ui/formValues';
import { LedgerForm } from '../../../ui/LedgerForm';
import { optionsOf } from '../../../ui/options';
import { ModalProblem } from '../../../ui/ProblemAlert';
import { useModalForm } from '../../../ui/useModalForm';
import { DerivedTags } from './CategoryTags';
import { categoriesFromRecord, dinerSaveInput, dinerToValues, newDinerValues, valuesToInput, type DinerFormValues, type DinerSave } from './dinerValues';
import { ElderPicker } from './ElderPicker';

/** Where the diner eats: a site fixed by the page, or one of a township's sites picked in the form. */
export type DinerSite = { kind: 'fixed'; id: string; name: string; townshipCode: string } | { kind: 'pick'; townshipCode: string };

interface DinerModalProps {
  open: boolean;
  onClose: () => void;
  site: DinerSite;
  /** The enrolment being edited; null enrols someone. */
  diner: MealDinerRecord | null;
  /** Enrolling from the elder's page: the person is that elder. */
  elder?: { id: string; name: string };
  /** Opened as 停止就餐: the stop date starts filled in. */
  stopOn?: string;
}

const WHO_OPTIONS = [
  { value: 'elder', label: '老人台账中的老人' },
  { value: 'outside', label: '台账外人员' },
];

const CATEGORY_OPTIONS = optionsOf(MEAL_CATEGORIES);

/** The site picker of the elder's page: the township's sites; a stopped one takes no one. */
function SitePicker({ townshipCode, ...rest }: { townshipCode: string; id?: string; value?: string; onChange?: (id: string | undefined) => void }) {
  const list = useLedgerQuery('meals.sites.list', { townshipCode, limit: 500 });
  return (
    <Select
      {...rest}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择助餐点"
      loading={list.isFetching}
      notFoundContent="本乡镇（街道）还没有助餐点"
      options={(list.data?.rows ?? []).map((s) => ({
        value: s.id,
        label: s.status === 'running' ? `${s.name}（${s.villageName}）` : `${s.name}（${s.villageName}，${labelOf(SITE_STATUSES, s.status)}）`,
        disabled: s.status === 'stopped',
      }))}
    />
  );
}

/** What the register gives the picked elder from the start date: what the subsidy reads unless adjusted. */
function DerivedPreview({ elderId, day }: { elderId: string | undefined; day: string }) {
  const elder = useLedgerQuery('elders.get', { id: elderId ?? '' }, { enabled: elderId !== undefined });
  if (!elderId) return <Typography.Text type="secondary">选择老人后显示</Typography.Text>;
  if (!elder.data) return <Typography.Text type="secondary">正在读取老人台账…</Typography.Text>;
  return (
    <span data-testid="meal-diner-derived">
      <DerivedTags categories={categoriesFromRecord(elder.data, day)} />
    </span>
  );
}

/** 登记就餐 / 编辑就餐登记: who eats here, from when to when, with which subsidy category. */
export function DinerModal({ open, onClose, site, diner, elder, stopOn }: DinerModalProps) {
  const save = useLedgerMutation('meals.diners.save');
  const siteId = site.kind === 'fixed' ? site.id : undefined;
  const { form, problem, save: submit, reset, modalProps } = useModalForm<DinerFormValues, DinerSave>({
    parse: (values) => dinerSaveInput.safeParse(withoutNulls(valuesToInput(values as DinerFormValues, siteId))),
    write: (input) => save.mutateAsync({ siteId: input.siteId, id: diner?.id, diner: input.diner }),
    toPath: (key): NamePath => {
      const path = namePathOf(key, 'diner');
      // Without a picked elder the contract asks for a name, which only a person outside the register has.
      if (path[0] === 'name' && form.getFieldValue('who') === 'elder') return ['elderId'];
      return path;
    },
    saved: () => (diner ? '已保存就餐登记' : '已登记就餐'),
    onClose,
  });
  // `who` and `elderId` have no field once the person is fixed: watched as values, not as fields.
  const who = Form.useWatch('who', { form, preserve: true });
  const override = Form.useWatch('categoryOverride', form);
  const elderId = Form.useWatch('elderId', { form, preserve: true });
  const startOn = Form.useWatch('startOn', form);

  useEffect(() => {
    if (open) reset(diner ? dinerToValues(diner, stopOn) : newDinerValues(elder?.id));
  }, [open, diner, elder, stopOn, reset]);

  const personFixed = diner !== null || elder !== undefined;
  const fixedName = diner?.name ?? elder?.name;
  const title = diner ? `${stopOn ? '停止就餐' : '编辑就餐登记'}：${diner.name}` : site.kind === 'fixed' ? `登记就餐：${site.name}` : `登记助餐：${elder?.name ?? ''}`;

  return (
    <Modal open={open} title={title} width={720} {...modalProps}>
      <LedgerForm<DinerFormValues> form={form} layout="vertical" name="meal-diner" onSubmit={() => void submit()} data-testid="meal-diner-form">
        <Row gutter={GUTTER}>
          {site.kind === 'pick' && (
            <Col span={24}>
              <Form.Item label="助餐点" name="siteId" required>
                <SitePicker townshipCode={site.townshipCode} />
              </Form.Item>
            </Col>
          )}
          {!personFixed && (
            <Col span={24}>
              <Form.Item label="就餐人员" name="who">
                <Radio.Group options={WHO_OPTIONS} optionType="button" />
              </Form.Item>
            </Col>
          )}
          {personFixed ? (
            <Col {...HALF_COL}>
              <Form.Item label="姓名">
                <Typography.Text strong>{fixedName}</Typography.Text>
                {who === 'outside' && <Typography.Text type="secondary">（台账外人员）</Typography.Text>}
              </Form.Item>
            </Col>
          ) : who === 'elder' ? (
            <Col span={24}>
              <Form.Item label="老人" name="elderId" required>
                <ElderPicker townshipCode={site.townshipCode} />
              </Form.Item>
            </Col>
          ) : null}
          {!personFixed && who === 'outside' && (
            <>
              <Col {...HALF_COL}>
                <Form.Item label="姓名" name="name" required>
                  <Input maxLength={20} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col {...HALF_COL}>
                <Form.Item label="身份证号" name="idNumber">
                  <Input maxLength={18} autoComplete="off" placeholder="可不填" />
                </Form.Item>
              </Col>
            </>
          )}
          {who === 'outside' ? (
            <Col span={24}>
              <Form.Item label="补贴类别">
                <Typography.Text>普通（非登记）：计入就餐人次，不享受补贴。需要补贴的，请先登记到老人台账。</Typography.Text>
              </Form.Item>
            </Col>
          ) : (
            <>
              <Col span={24}>
                <Form.Item label="按老人台账的补贴类别" extra="按开始就餐日期、老人台账中的出生日期、经济状况、能力等级和对象类别计算">
                  <DerivedPreview elderId={elderId} day={startOn ?? todayIso()} />
                </Form.Item>
              </Col>
              <Col {...HALF_COL}>
                <Form.Item label="调整补贴类别" name="categoryOverride" extra="一般不需调整；调整后按所选类别补贴">
                  <Select allowClear placeholder="不调整，按老人台账" options={CATEGORY_OPTIONS} />
                </Form.Item>
              </Col>
              <Col {...HALF_COL}>
                <Form.Item label="调整原因" name="overrideReason" required={override !== undefined}>
                  <Input maxLength={100} disabled={override === undefined} placeholder={override ? '如：经乡镇审核认定为失能' : '调整类别时填写'} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col {...HALF_COL}>
            <Form.Item label="开始就餐日期" name="startOn" required>
              <DateField />
            </Form.Item>
          </Col>
          <Col {...HALF_COL}>
            <Form.Item label="停止就餐日期" name="stopOn" extra="不再来就餐时填写；此后不计补贴">
              <DateField />
            </Form.Item>
          </Col>
          <Col {...HALF_COL}>
            <Form.Item label="送餐上门" name="delivery">
              <Radio.Group options={YES_NO} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="饮食禁忌" name="dietNotes">
              <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 1, maxRows: 3 }} placeholder="如：糖尿病少糖、忌辣" />
            </Form.Item>
          </Col>
        </Row>
      </LedgerForm>
      <ModalProblem problem={problem} testId="meal-diner-problem" />
    </Modal>
  );
}
