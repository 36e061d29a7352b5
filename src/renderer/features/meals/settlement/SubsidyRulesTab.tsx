import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { todayIso } from '../../../../shared/domain/dates';
import { ruleOn, type MealSubsidyRule } from '../../../../shared/domain/meals';
import { errorMessage, ledgerKey, useLedgerQuery } from '../../../api';
import { useStation } from '../../station/station';
import { RuleForm } from './RuleForm';
import { ruleLines } from './ruleText';
import { RuleView } from './RuleView';

type Standing = 'in_force' | 'future' | 'past';
const STANDING_TAGS: Record<Standing, { color?: string; label: string }> = {
  in_force: { color: 'green', label: '现行' },
  future: { color: 'blue', label: '待执行' },
  past: { label: '已停止' },
};

function standingOf(rule: MealSubsidyRule, inForce: MealSubsidyRule | null, today: string): Standing {
  if (rule.effectiveFrom > today) return 'future';
  return rule === inForce ? 'in_force' : 'past';
}

/**
 * 补贴标准: the county's meal standard, each from its date. Stations read it (it arrives by sync);
 * the county adds one. Every meal keeps the amounts of the day it was ticked.
 */
export function SubsidyRulesTab() {
  const county = useStation()?.role === 'county';
  const queryClient = useQueryClient();
  const read = useLedgerQuery('meals.rules.get', {});
  const today = todayIso();
  const rules = read.data?.rules ?? [];
  const inForce = ruleOn(rules, today);
  const newestFirst = [...rules].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));

  if (read.isError) return <Alert type="error" showIcon title={errorMessage(read.error)} />;
  if (!read.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 1000 }} data-testid="meal-rules">
      {!county && <Alert type="info" showIcon title="助餐补贴标准由县民政局统一设置，本站通过数据同步接收，这里只能查看。" />}
      <Card size="small" title={inForce ? `现行标准（${inForce.effectiveFrom}起执行）` : '现行标准'}>
        {inForce ? (
          <RuleView rule={inForce} testId="meal-rule-in-force" />
        ) : (
          <Empty description={rules.length > 0 ? '今天还没有生效的补贴标准：已设置的标准尚未到执行日期' : '还没有设置补贴标准：就餐照常记录人次，但不计餐费和补贴'} />
        )}
      </Card>
      {rules.length > 0 && (
        <Card size="small" title="历次标准">
          <List<MealSubsidyRule>
            size="small"
            dataSource={newestFirst}
            data-testid="meal-rule-history"
            renderItem={(r) => {
              const tag = STANDING_TAGS[standingOf(r, inForce, today)];
              return (
                <List.Item key={r.effectiveFrom}>
                  <Flex vertical gap={2}>
                    <Flex gap={8} align="center">
                      <Typography.Text strong>{r.effectiveFrom} 起</Typography.Text>
                      <Tag color={tag.color}>{tag.label}</Tag>
                    </Flex>
                    {ruleLines(r).map((line) => (
                      <Typography.Text key={line} type="secondary">
                        {line}
                      </Typography.Text>
                    ))}
                  </Flex>
                </List.Item>
              );
            }}
          />
        </Card>
      )}
      {county && <RuleForm inForce={inForce} rules={rules} onSaved={(saved) => queryClient.setQueryData(ledgerKey('meals.rules.get', {}), { rules: saved })} />}
    </Flex>
  );
}
