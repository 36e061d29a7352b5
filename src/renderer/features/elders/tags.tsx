import { Tag } from 'antd';
import { ELDER_GROUPS, RISK_TIERS, type ElderGroup, type RiskTier } from '../../../shared/domain/elders';
import { labelOf } from '../../../shared/domain/labels';

const RISK_COLORS: Record<RiskTier, string> = { high: 'error', priority: 'warning', general: 'default' };

/** 高风险 / 重点 / 一般: the tier's label without its visit frequency, for tags and cells. */
export function riskTierShort(tier: RiskTier): string {
  return labelOf(RISK_TIERS, tier).split('（')[0] ?? tier;
}

export function RiskTag({ tier }: { tier: RiskTier }) {
  return (
    <Tag color={RISK_COLORS[tier]} title={labelOf(RISK_TIERS, tier)}>
      {riskTierShort(tier)}
    </Tag>
  );
}

const GROUP_COLORS: Record<ElderGroup, string> = {
  living_alone: 'volcano',
  empty_nest: 'orange',
  left_behind: 'blue',
  disabled_care: 'magenta',
  severe_disability: 'purple',
  high_age: 'gold',
  family_planning: 'cyan',
  dispersed_tekun: 'red',
};

export function GroupTag({ group, ended = false }: { group: ElderGroup; ended?: boolean }) {
  return <Tag color={ended ? 'default' : GROUP_COLORS[group]}>{labelOf(ELDER_GROUPS, group)}</Tag>;
}
