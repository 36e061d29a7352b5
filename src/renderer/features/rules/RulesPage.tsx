import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, InputNumber, Input, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import type { RulesSaveInput } from '../../../shared/contract';
import { CHILD_CATEGORIES, GUARDIANSHIP_TYPES } from '../../../shared/domain/children';
import { ELDER_GROUPS, RISK_TIERS } from '../../../shared/domain/elders';
import type { Option } from '../../../shared/domain/labels';
import { VISIT_FREQUENCIES } from '../../../shared/domain/visitDue';
import { errorData, errorMessage, ledgerKey, useLedgerMutation, useLedgerQuery } from '../../api';
import { optionsOf } from '../../ui/options';
import { useStation } from '../station/station';
import { RulesView } from './RulesView';
import { bandsToValues, ruleToValues, valuesToBands, valuesToRule, type BandValues, type DueRuleValues } from './ruleForms';
import { LedgerForm } from '../../ui/LedgerForm';

const FREQUENCY_OPTIONS = optionsOf(VISIT_FREQUENCIES);

interface Condition {
  name: 'tiers' | 'groups' | 'guardianshipTypes';
  label: string;
  options: readonly Option[];
}

const ELDER_CONDITIONS: readonly Condition[] = [
  { name: 'tiers', label: '探访等级', options: RISK_TIERS },
  { name: 'groups', label: '对象类别', options: ELDER_GROUPS },
];
const CHILD_CONDITIONS: readonly Condition[] = [
  { name: 'guardianshipTypes', label: '监护类型', options: GUARDIANSHIP_TYPES },
  { name: 'groups', label: '儿童类别', options: CHILD_CATEGORIES },
];

type Source = 'default' | 'county';
const SourceTag = ({ source }: { source: Source }) => (source === 'county' ? <Tag color="blue">县局设置</Tag> : <Tag>国家默认</Tag>);

function DueRuleCard(props: {
  title: string;
  testId: string;
  otherwiseLabel: string;
  conditions: readonly Condition[];
  values: DueRuleValues;
  source: Source;
  editable: boolean;
  onSave: (v: DueRuleValues) => Promise<void>;
  onReset: () => Promise<void>;
}) {
  const [form] = Form.useForm<DueRuleValues>();
  useEffect(() => form.setFieldsValue(props.values), [form, props.values]);
  return (
    <Card title={props.title} extra={<SourceTag source={props.source} />} data-testid={props.testId}>
      <Typography.Paragraph type="secondary">
        符合某一行全部条件的对象按该行频次探访；同时符合多行时取最频繁的一行；都不符合时按“{props.otherwiseLabel}”。
      </Typography.Paragraph>
      <LedgerForm<DueRuleValues> form={form} initialValues={props.values} disabled={!props.editable} onFinish={(v) => void props.onSave(v)}>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  {props.conditions.map((c) => (
                    <Form.Item key={c.name} name={[field.name, c.name]} label={c.label} style={{ minWidth: 260 }}>
                      <Select mode="multiple" allowClear placeholder="不限" options={optionsOf(c.options)} />
                    </Form.Item>
                  ))}
                  <Form.Item name={[field.name, 'frequency']} label="频次" rules={[{ required: true, message: '请选择探访频次' }]}>
                    <Select style={{ width: 110 }} options={FREQUENCY_OPTIONS} />
                  </Form.Item>
                  {props.editable && <Button aria-label="删除此行" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
                </Flex>
              ))}
              {props.editable && (
                <Form.Item>
                  <Button icon={<PlusOutlined />} onClick={() => add({ frequency: 'monthly' })}>
                    增加一行
                  </Button>
                </Form.Item>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="otherwise" label={props.otherwiseLabel} rules={[{ required: true, message: '请选择探访频次' }]}>
          <Select style={{ width: 110 }} options={FREQUENCY_OPTIONS} />
        </Form.Item>
        {props.editable && (
          <Space>
            <Button type="primary" htmlType="submit">
              保存
            </Button>
            <Popconfirm title="恢复为国家默认规则？" okText="恢复" cancelText="取消" onConfirm={() => void props.onReset()}>
              <Button disabled={props.source === 'default'}>恢复默认</Button>
            </Popconfirm>
          </Space>
        )}
      </LedgerForm>
    </Card>
  );
}

function BandsCard(props: { values: BandValues[]; source: Source; from?: string; editable: boolean; onSave: (v: BandValues[]) => Promise<string | null>; onReset: () => Promise<void> }) {
  const [form] = Form.useForm<{ bands: BandValues[] }>();
  useEffect(() => form.setFieldsValue({ bands: props.values }), [form, props.values]);
  const save = async (v: { bands: BandValues[] }) => {
    const problem = await props.onSave(v.bands);
    if (problem) form.setFields([{ name: ['bands'], errors: [problem] }]);
  };
  return (
    <Card title="高龄津贴档次" extra={<SourceTag source={props.source} />} data-testid="rules-bands">
      <Typography.Paragraph type="secondary">档次和金额调整后，自下个月1日起执行。</Typography.Paragraph>
      {props.from && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`新的档次自 ${props.from} 起执行，此前仍按原档次计算。`} />}
      <LedgerForm form={form} initialValues={{ bands: props.values }} disabled={!props.editable} onFinish={(v) => void save(v)}>
        <Form.List name="bands">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item name={[field.name, 'value']} label="代码" rules={[{ required: true, whitespace: true, message: '请填写档次代码' }]}>
                    <Input style={{ width: 90 }} maxLength={20} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']} label="名称" rules={[{ required: true, whitespace: true, message: '请填写档次名称' }]}>
                    <Input style={{ width: 150 }} maxLength={20} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'minAge']} label="起始年龄" rules={[{ required: true, message: '请填写起始年龄' }]}>
                    <InputNumber min={60} max={120} precision={0} suffix="周岁" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'maxAge']} label="截止年龄">
                    <InputNumber min={60} max={150} precision={0} placeholder="不限" suffix="周岁" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'amountYuan']} label="每月金额">
                    <InputNumber min={0} max={100000} precision={2} suffix="元" />
                  </Form.Item>
                  {props.editable && <Button aria-label="删除此档" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              {props.editable && (
                <Form.Item>
                  <Button icon={<PlusOutlined />} onClick={() => add({ minAge: 80, maxAge: null })}>
                    增加档次
                  </Button>
                </Form.Item>
              )}
            </>
          )}
        </Form.List>
        {props.editable && (
          <Space>
            <Button type="primary" htmlType="submit">
              保存
            </Button>
            <Popconfirm title="恢复为国家默认档次？" okText="恢复" cancelText="取消" onConfirm={() => void props.onReset()}>
              <Button disabled={props.source === 'default'}>恢复默认</Button>
            </Popconfirm>
          </Space>
        )}
      </LedgerForm>
    </Card>
  );
}

/** The county's configurable rules: edited at the county, read-only at a station (received by sync). */
export function RulesPage() {
  const { message } = App.useApp();
  const editable = useStation()?.role === 'county';
  const queryClient = useQueryClient();
  const { data: rules, error } = useLedgerQuery('rules.get', {});
  // The save answers with the rules as they now stand (the bands' labels everywhere follow them).
  const saveRules = useLedgerMutation('rules.save', { onSuccess: (record) => queryClient.setQueryData(ledgerKey('rules.get', {}), record) });
  // Each card puts these into its form whenever they change: only a new record may change them,
  // never a render (a refused save must leave the user's edits where they are).
  const values = useMemo(
    () => rules && { elderDue: ruleToValues(rules.elderDue), childDue: ruleToValues(rules.childDue), bands: bandsToValues(rules.highAgeBands) },
    [rules],
  );

  const save = async (input: RulesSaveInput): Promise<string | null> => {
    try {
      await saveRules.mutateAsync(input);
      void message.success('已保存，各站点同步后生效');
      return null;
    } catch (e) {
      const err = errorData(e);
      const fields = Object.values(err.fieldErrors ?? {});
      void message.error(fields[0] ?? err.message);
      return fields[0] ?? err.message;
    }
  };

  if (error) return <Alert type="error" showIcon title={errorMessage(error)} />;
  if (!rules || !values) return <Spin />;
  // A station only reads the county's rules: text, not a disabled form.
  if (!editable) {
    return (
      <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          规则设置
        </Typography.Title>
        <RulesView rules={rules} />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        规则设置
      </Typography.Title>
      <DueRuleCard
        title="老人探访频次"
        testId="rules-elder"
        otherwiseLabel="其他老人"
        conditions={ELDER_CONDITIONS}
        values={values.elderDue}
        source={rules.source.elderDue}
        editable={editable}
        onSave={async (v) => void (await save({ elderDue: valuesToRule(v) }))}
        onReset={async () => void (await save({ reset: ['elderDue'] }))}
      />
      <DueRuleCard
        title="儿童探访频次"
        testId="rules-child"
        otherwiseLabel="其他儿童"
        conditions={CHILD_CONDITIONS}
        values={values.childDue}
        source={rules.source.childDue}
        editable={editable}
        onSave={async (v) => void (await save({ childDue: valuesToRule(v) }))}
        onReset={async () => void (await save({ reset: ['childDue'] }))}
      />
      <BandsCard
        values={values.bands}
        source={rules.source.highAgeBands}
        from={rules.highAgeBandsFrom}
        editable={editable}
        onSave={(bands) => save({ highAgeBands: valuesToBands(bands) })}
        onReset={async () => void (await save({ reset: ['highAgeBands'] }))}
      />
    </Flex>
  );
}
