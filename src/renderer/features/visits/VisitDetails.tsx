import { Descriptions, type DescriptionsProps } from 'antd';
import type { VisitRecord } from '../../../shared/contract';
import { labelOf } from '../../../shared/domain/labels';
import { CHILD_ASPECTS, CHILD_SAFETY_RISKS, HEALTH_ASPECTS, HOME_HAZARDS, SUPPORTER_VISITS, VISIT_NEEDS } from '../../../shared/domain/visits';
import { labelsOf } from '../../ui/options';
import { methodLabel } from './visitLabels';

type Items = NonNullable<DescriptionsProps['items']>;

/** The whole record of one visit, as it was entered (a child's visit with the child's answers); empty answers are left out. */
export function VisitDetails({ visit }: { visit: VisitRecord }) {
  const items: Items = [
    { key: 'visitedOn', label: '探访日期', children: visit.visitedOn },
    { key: 'method', label: '探访方式', children: methodLabel(visit.method) },
    { key: 'visitors', label: '走访人', children: visit.visitors.join('、') },
    ...HEALTH_ASPECTS.filter((a) => visit.health[a.key] !== undefined).map((a) => ({
      key: a.key,
      label: a.label,
      children: labelOf(a.options, visit.health[a.key]),
    })),
    ...CHILD_ASPECTS.filter((a) => visit.childCheck?.[a.key] !== undefined).map((a) => ({
      key: `child-${a.key}`,
      label: a.label,
      children: labelOf<string>(a.options, visit.childCheck?.[a.key]),
    })),
  ];
  if (visit.childCheck) {
    const risks = labelsOf(CHILD_SAFETY_RISKS, visit.childCheck.safety);
    items.push({ key: 'child-safety', label: '安全情况', children: risks.length > 0 ? risks.join('、') : '未发现隐患', span: 'filled' as const });
  }
  const text = (key: keyof VisitRecord, label: string, value: string | undefined) => {
    if (value) items.push({ key, label, children: value, span: 'filled' as const });
  };
  text('illness', '患病情况', visit.illness);
  text('livingDifficulties', '生活困难', visit.livingDifficulties);
  text('moneyDifficulties', '经济困难', visit.moneyDifficulties);
  text('benefitsReceived', '享受政策', visit.benefitsReceived);
  text('supportersVisit', '子女（赡养人）探望', visit.supportersVisit ? labelOf(SUPPORTER_VISITS, visit.supportersVisit) : undefined);
  text('hazards', '居家安全隐患', labelsOf(HOME_HAZARDS, visit.hazards).join('、') || undefined);
  text('hazardNote', '隐患说明', visit.hazardNote);
  text('needs', '服务需求', labelsOf(VISIT_NEEDS, visit.needs).join('、') || undefined);
  text('actions', '采取措施', visit.actions);
  text('referrals', '转介情况', visit.referrals);
  text('nextVisitOn', '下次探访日期', visit.nextVisitOn);
  text('notes', '备注', visit.notes);
  if (visit.villageName) text('villageName', '探访地点', `${visit.townshipName}${visit.villageName}`);
  return <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="visit-details" />;
}
