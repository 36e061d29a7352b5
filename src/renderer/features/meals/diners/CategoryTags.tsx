import { Flex, Tag, Tooltip } from 'antd';
import type { MealDinerRecord } from '../../../../shared/contract';
import { labelOf } from '../../../../shared/domain/labels';
import { MEAL_CATEGORIES, type MealCategory } from '../../../../shared/domain/meals';

const labelsText = (codes: readonly MealCategory[]) => (codes.length > 0 ? codes.map((c) => labelOf(MEAL_CATEGORIES, c)).join('、') : '无补贴类别');

/** Tags of the categories the register gives (blue, or grey for none). */
export function DerivedTags({ categories }: { categories: readonly MealCategory[] }) {
  if (categories.length === 0) return <Tag>无补贴类别</Tag>;
  return (
    <Flex wrap gap={4}>
      {categories.map((c) => (
        <Tag key={c} color="blue" style={{ marginInlineEnd: 0 }}>
          {labelOf(MEAL_CATEGORIES, c)}
        </Tag>
      ))}
    </Flex>
  );
}

/**
 * What a diner's subsidy reads: the register's categories, or the one a worker chose instead,
 * marked 调整 with the reason and the register's categories on hover. Someone outside the register eats as 普通.
 */
export function CategoryTags({ diner }: { diner: Pick<MealDinerRecord, 'elderId' | 'derivedCategories' | 'categoryOverride' | 'overrideReason'> }) {
  if (!diner.elderId) return <Tag>{labelOf(MEAL_CATEGORIES, 'ordinary')}</Tag>;
  if (diner.categoryOverride) {
    return (
      <Tooltip title={`调整原因：${diner.overrideReason ?? '未写明'}；按老人台账：${labelsText(diner.derivedCategories)}`}>
        <Tag color="orange" data-testid="meal-diner-override">
          {labelOf(MEAL_CATEGORIES, diner.categoryOverride)}（调整）
        </Tag>
      </Tooltip>
    );
  }
  return <DerivedTags categories={diner.derivedCategories} />;
}
