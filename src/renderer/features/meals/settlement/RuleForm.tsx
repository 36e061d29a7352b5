import { App, Button, Card, Flex, Form, InputNumber, Typography, type FormInstance, type FormRule } from 'antd';
import './settlement.css';
import { useEffect, useRef } from 'react';
import { operations, type ParsedInputOf } from '../../../../shared/contract';
import { MEAL_TIMES, type MealSubsidyRule, type MealTime } from '../../../../shared/domain/meals';
import { useLedgerMutation } from '../../../api';
import { DateField } from '../../../ui/DateField';
import { withoutNulls } from '../../../ui/formValues';
import { LedgerForm } from '../../../ui/LedgerForm';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useFormSave } from '../../../ui/useFormSave';
import { yuan } from '../money';
import { rulePathOf, ruleToValues, SUBSIDISED_CATEGORIES, valuesToRule, type RuleValues } from './ruleValues';

const SAVE = operations['meals.rules.save'].input;
type SaveInput = ParsedInputOf<'meals.rules.save'>;

const MONEY = { min: 0, max: 1000, precision: 2, step: 0.5, controls: false, style: { width: 96 } } as const;

const priceOf = (form: FormInstance<RuleValues>, t: MealTime): number | null => {
  const v: unknown = form.getFieldValue(['priceYuan', t]);
  return typeof v === 'number' ? v : null;
};

/** At least one meal time has a price; said once, under 午餐 (the meal most sites serve). */
const somePrice = (form: FormInstance<RuleValues>): FormRule => ({
  validator: () => (MEAL_TIMES.some((t) => priceOf(form, t.value) !== null) ? Promise.resolve() : Promise.reject(new Error('请至少填写一个餐次的餐标'))),
});

/** A subsidy needs its meal time's price and stays within it (the core would cap it silently). */
const withinPrice = (form: FormInstance<RuleValues>, t: MealTime, label: string): FormRule => ({
  validator: (_, value: unknown) => {
    if (typeof value !== 'number') return Promise.resolve();
    const price = priceOf(form, t);
    if (price === null) return Promise.reject(new Error(`请先填写${label}餐标`));
    if (value > price) return Promise.reject(new Error(`补贴不能高于${label}餐标 ${yuan(Math.round(price * 100))} 元`));
    return Promise.resolve();
  },
});

const firstOfThisMonth = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-01`;
};

/**
 * County only: a new standard from a date, in yuan (stored as fen). A standard dated before this
 * month is allowed, but meals already ticked keep the amounts they were ticked with: said before saving.
 */
export function RuleForm({ inForce, rules, onSaved }: { inForce: MealSubsidyRule | null; rules: readonly MealSubsidyRule[]; onSaved: (rules: MealSubsidyRule[]) => void }) {
  const { message, modal } = App.useApp();
  const saveRule = useLedgerMutation('meals.rules.save');
  const { form, saving, problem, save } = useFormSave<RuleValues, SaveInput, { rules: MealSubsidyRule[] }>({
    parse: (values) => SAVE.safeParse({ rule: valuesToRule(withoutNulls(values) as RuleValues) }),
    write: (input) => saveRule.mutateAsync(input),
    done: (result, input) => {
      void message.success(`已保存${input.rule.effectiveFrom}起执行的补贴标准，各站点同步后生效`);
      onSaved(result.rules);
    },
    toPath: rulePathOf,
    invalidTitle: '补贴标准填写有误',
    summary: 'unplaced',
  });

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(ruleToValues(inForce));
  }, [form, inForce]);

  // Enter in a field submits too: one question at a time, however often the form is submitted.
  const asking = useRef(false);
  const confirmThenSave = (values: RuleValues) => {
    if (asking.current) return;
    const from = values.effectiveFrom ?? '';
    const replaces = rules.some((r) => r.effectiveFrom === from);
    const past = from < firstOfThisMonth();
    if (!past && !replaces) {
      void save();
      return;
    }
    asking.current = true;
    modal.confirm({
      title: past ? '执行日期早于本月' : `替换${from}起执行的标准`,
      content: [
        past ? `已录入的就餐记录保留录入时的餐标和补贴金额，不会按新标准重算；${from}起此后补录的就餐才按新标准计算。已锁定月份的结算不受影响。` : '',
        replaces ? `${from}起执行的原标准将被这次填写的标准替换。` : '',
      ]
        .filter(Boolean)
        .join(''),
      okText: '仍然保存',
      cancelText: '取消',
      onOk: () => save(),
      afterClose: () => {
        asking.current = false;
      },
    });
  };

  return (
    <Card size="small" title="新增补贴标准" data-testid="meal-rule-form">
      <Typography.Paragraph type="secondary">以现行标准为底稿修改；金额单位为元，保留两位小数。留空的餐次不供应或不定价，留空的补贴为不补贴。</Typography.Paragraph>
      <LedgerForm<RuleValues> form={form} layout="vertical" name="meal-rule" onFinish={confirmThenSave}>
        <Flex gap={24} wrap>
          <Form.Item label="执行日期" name="effectiveFrom" rules={[{ required: true, message: '请选择执行日期' }]} style={{ width: 200 }}>
            <DateField />
          </Form.Item>
          <Form.Item label="送餐费（元/餐）" name="deliveryFeeYuan" extra="送餐上门时由老人支付">
            <InputNumber {...MONEY} aria-label="送餐费" />
          </Form.Item>
        </Flex>
        <table className="meal-rule-grid">
          <thead>
            <tr>
              <th scope="col">元/餐</th>
              {MEAL_TIMES.map((t) => (
                <th key={t.value} scope="col">
                  {t.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">餐标</th>
              {MEAL_TIMES.map((t) => (
                <td key={t.value}>
                  <Form.Item
                    name={['priceYuan', t.value]}
                    dependencies={t.value === 'lunch' ? [['priceYuan', 'breakfast'], ['priceYuan', 'dinner']] : []}
                    rules={t.value === 'lunch' ? [somePrice(form)] : []}
                    style={{ margin: 0 }}
                  >
                    <InputNumber {...MONEY} aria-label={`${t.label}餐标`} />
                  </Form.Item>
                </td>
              ))}
            </tr>
            {SUBSIDISED_CATEGORIES.map((c) => (
              <tr key={c.value}>
                <th scope="row">{c.label}补贴</th>
                {MEAL_TIMES.map((t) => (
                  <td key={t.value}>
                    <Form.Item name={['subsidyYuan', c.value, t.value]} dependencies={[['priceYuan', t.value]]} rules={[withinPrice(form, t.value, t.label)]} style={{ margin: 0 }}>
                      <InputNumber {...MONEY} aria-label={`${c.label}${t.label}补贴`} />
                    </Form.Item>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <ProblemAlert problem={problem} testId="meal-rule-problem" style={{ marginTop: 12 }} />
        <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }}>
          保存补贴标准
        </Button>
      </LedgerForm>
    </Card>
  );
}
