import { Alert, Card, Descriptions, Flex, Typography } from 'antd';
import type { RuleChange, RulesRecord } from '../../../shared/contract';
import { CHILD_CATEGORIES, GUARDIANSHIP_TYPES } from '../../../shared/domain/children';
import { ELDER_GROUPS, type RiskTier } from '../../../shared/domain/elders';
import { labelOf, type Option } from '../../../shared/domain/labels';
import { VISIT_FREQUENCIES, type DueRule } from '../../../shared/domain/visitDue';
import { formatDateTime } from '../../ui/dates';
import { riskTierShort } from '../elders/tags';
import { useStation } from '../station/station';

type Line = DueRule['lines'][number];

interface Condition {
  key: 'tiers' | 'groups' | 'guardianshipTypes';
  label: string;
  name: (code: string) => string;
}

const named = (options: readonly Option[]) => (code: string) => labelOf(options, code);

const ELDER_CONDITIONS: readonly Condition[] = [
  // The tier's own label names its usual frequency, which a rule may change: the short name only.
  { key: 'tiers', label: '探访等级', name: (code) => riskTierShort(code as RiskTier) },
  { key: 'groups', label: '对象类别', name: named(ELDER_GROUPS) },
];
const CHILD_CONDITIONS: readonly Condition[] = [
  { key: 'guardianshipTypes', label: '监护类型', name: named(GUARDIANSHIP_TYPES) },
  { key: 'groups', label: '儿童类别', name: named(CHILD_CATEGORIES) },
];

/** 探访等级为高风险；对象类别为独居或空巢 — a line's conditions as a sentence. */
function conditionsText(line: Line, conditions: readonly Condition[]): string {
  const parts = conditions.flatMap((c) => {
    const codes = line[c.key];
    return codes && codes.length > 0 ? [`${c.label}为${codes.map(c.name).join('或')}`] : [];
  });
  return parts.length > 0 ? parts.join('；') : '所有对象';
}

/** Who set a rule and when; a rule never changed is the national default. */
function ChangeLine({ change, countyName }: { change: RuleChange | undefined; countyName: string }) {
  if (!change) return <Typography.Text type="secondary">国家默认规则，县民政局尚未调整</Typography.Text>;
  const who = change.by ? `${countyName}（${change.by}）` : countyName;
  return (
    <Typography.Text type="secondary" data-testid="rules-changed">
      {who}设置于 {formatDateTime(change.at) ?? change.at}
    </Typography.Text>
  );
}

function DueRuleView(props: { title: string; testId: string; rule: DueRule; otherwiseLabel: string; conditions: readonly Condition[]; change: RuleChange | undefined; countyName: string }) {
  const items = [
    ...props.rule.lines.map((line, i) => ({ key: String(i), label: conditionsText(line, props.conditions), children: labelOf(VISIT_FREQUENCIES, line.frequency) })),
    { key: 'otherwise', label: props.otherwiseLabel, children: labelOf(VISIT_FREQUENCIES, props.rule.otherwise) },
  ];
  return (
    <Card title={props.title} extra={<ChangeLine change={props.change} countyName={props.countyName} />} data-testid={props.testId}>
      <Typography.Paragraph type="secondary">同时符合多行时按最频繁的一行探访。</Typography.Paragraph>
      <Descriptions bordered size="small" column={1} items={items} styles={{ label: { width: '60%' } }} />
    </Card>
  );
}

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;

function BandsView({ rules, countyName }: { rules: RulesRecord; countyName: string }) {
  const items = rules.highAgeBands.map((b) => ({
    key: b.value,
    label: b.label,
    children: `${b.maxAge === null ? `${b.minAge}周岁及以上` : `${b.minAge}—${b.maxAge}周岁`}，${b.amountFen === undefined ? '未设每月金额' : `每月${yuan(b.amountFen)}`}`,
  }));
  return (
    <Card title="高龄津贴档次" extra={<ChangeLine change={rules.changed.highAgeBands} countyName={countyName} />} data-testid="rules-bands">
      {rules.highAgeBandsFrom && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`新的档次自 ${rules.highAgeBandsFrom} 起执行，此前仍按原档次计算。`} />}
      <Descriptions bordered size="small" column={1} items={items} styles={{ label: { width: '40%' } }} />
    </Card>
  );
}

/** A station's view of the county's rules: plain text, with who set each and when. */
export function RulesView({ rules }: { rules: RulesRecord }) {
  const station = useStation();
  const countyName = station?.countyName ? `${station.countyName}民政局` : '县民政局';
  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title="探访频次和高龄津贴档次由县民政局统一设置，本站通过数据同步接收，这里只能查看。" />
      <DueRuleView
        title="老人探访频次"
        testId="rules-elder"
        rule={rules.elderDue}
        otherwiseLabel="其他老人"
        conditions={ELDER_CONDITIONS}
        change={rules.changed.elderDue}
        countyName={countyName}
      />
      <DueRuleView
        title="儿童探访频次"
        testId="rules-child"
        rule={rules.childDue}
        otherwiseLabel="其他儿童"
        conditions={CHILD_CONDITIONS}
        change={rules.changed.childDue}
        countyName={countyName}
      />
      <BandsView rules={rules} countyName={countyName} />
    </Flex>
  );
}
