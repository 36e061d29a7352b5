import { Empty, Table, Tag } from 'antd';
import type { ElderGroupRecord, ElderRecord } from '../../../../shared/contract';
import { DISABILITY_GRADES, DISABILITY_TYPES } from '../../../../shared/domain/children';
import { todayIso } from '../../../../shared/domain/dates';
import {
  CAPABILITY_LEVELS,
  ECONOMIC_STATUSES,
  ELDER_BENEFITS,
  LIVING_SITUATIONS,
  MARITAL_STATUSES,
  RISK_TIERS,
} from '../../../../shared/domain/elders';
import { ETHNICITIES } from '../../../../shared/domain/ethnicities';
import { labelOf } from '../../../../shared/domain/labels';
import { DetailSection, FULL_ROW, type DetailItems } from '../../../ui/DetailSection';
import { labelsOf } from '../../../ui/options';
import { EMPTY, SEX_LABELS } from '../../../ui/personLabels';
import { highAgeLabel, useHighAgeBands } from '../../rules/highAgeBands';
import { GroupTag } from '../tags';
import { formatDateTime } from '../../../ui/dates';

const show = (v: string | number | undefined | null) => (v !== undefined && v !== null && String(v).trim() !== '' ? String(v) : EMPTY);
const joined = (labels: string[]) => (labels.length > 0 ? labels.join('、') : EMPTY);

export function BasicDetails({ elder }: { elder: ElderRecord }) {
  const items: DetailItems = [
    { key: 'name', label: '姓名', children: elder.name },
    { key: 'sex', label: '性别', children: SEX_LABELS[elder.sex] },
    { key: 'birth', label: '出生日期', children: elder.birthDate },
    { key: 'age', label: '年龄', children: `${elder.age}周岁` },
    { key: 'id', label: '身份证号码', children: <span className="id-number">{elder.idNumber}</span> },
    { key: 'ethnicity', label: '民族', children: labelOf(ETHNICITIES, elder.ethnicity) },
    { key: 'marital', label: '婚姻状况', children: show(labelOf(MARITAL_STATUSES, elder.maritalStatus)) },
    { key: 'phone', label: '联系电话', children: show(elder.phone) },
    { key: 'place', label: '所在乡镇 / 村（居）', children: `${elder.townshipName} / ${elder.villageName}` },
    { key: 'address', label: '现居住地址', children: show(elder.address), span: FULL_ROW },
  ];
  return <DetailSection title="基本信息" items={items} testId="elder-basic" />;
}

export function GroupDetails({ elder }: { elder: ElderRecord }) {
  const today = todayIso();
  const ended = (g: ElderGroupRecord) => g.endDate !== undefined && g.endDate < today;
  return (
    <div data-testid="elder-groups">
      <div className="section-title">对象类别</div>
      <Table<ElderGroupRecord>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={elder.groups}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未登记类别" /> }}
        columns={[
          { title: '类别', dataIndex: 'group', width: 190, render: (_: unknown, g) => <GroupTag group={g.group} ended={ended(g)} /> },
          { title: '认定日期', dataIndex: 'startDate', width: 120 },
          {
            title: '退出日期',
            dataIndex: 'endDate',
            width: 150,
            render: (end: string | undefined) => (end ? (end < today ? `${end}（已退出）` : end) : '至今'),
          },
          { title: '说明', dataIndex: 'note', render: (note: string | undefined) => show(note) },
        ]}
      />
    </div>
  );
}

export function CareDetails({ elder }: { elder: ElderRecord }) {
  const incapable = elder.capability === 'severe' || elder.capability === 'total';
  const items: DetailItems = [
    {
      key: 'living',
      label: '居住情况',
      children: elder.livingSituation === 'alone' ? <Tag color="volcano">独居</Tag> : labelOf(LIVING_SITUATIONS, elder.livingSituation),
    },
    {
      key: 'capability',
      label: '能力等级',
      children: incapable ? <Tag color="error">{labelOf(CAPABILITY_LEVELS, elder.capability)}</Tag> : labelOf(CAPABILITY_LEVELS, elder.capability),
    },
    {
      key: 'score',
      label: '能力评估',
      children:
        elder.capabilityScore !== undefined ? `${elder.capabilityScore}分${elder.capabilityAssessedOn ? `（${elder.capabilityAssessedOn}评估）` : ''}` : '未评估',
    },
    { key: 'disabilityType', label: '残疾类别', children: show(labelOf(DISABILITY_TYPES, elder.disabilityType)) },
    { key: 'disabilityGrade', label: '残疾等级', children: show(labelOf(DISABILITY_GRADES, elder.disabilityGrade)) },
    { key: 'health', label: '健康状况', children: show(elder.healthNotes), span: FULL_ROW },
  ];
  return <DetailSection title="居住与健康" items={items} testId="elder-care" />;
}

export function EconomicsDetails({ elder }: { elder: ElderRecord }) {
  const bands = useHighAgeBands();
  const items: DetailItems = [
    { key: 'economic', label: '经济状况', children: labelOf(ECONOMIC_STATUSES, elder.economicStatus) },
    {
      key: 'highAge',
      label: '高龄津贴档次',
      children: <span data-testid="elder-high-age-class">{highAgeLabel(bands, elder.highAgeClass) ?? '不在高龄津贴档次内'}</span>,
    },
    { key: 'benefits', label: '享受待遇', children: joined(labelsOf(ELDER_BENEFITS, elder.benefits)) },
  ];
  return <DetailSection title="经济与待遇" items={items} testId="elder-economics" />;
}

export function VisitDetails({ elder }: { elder: ElderRecord }) {
  const items: DetailItems = [
    {
      key: 'tier',
      label: '探访等级',
      children: elder.riskTier === 'high' ? <Tag color="error">{labelOf(RISK_TIERS, elder.riskTier)}</Tag> : labelOf(RISK_TIERS, elder.riskTier),
    },
    { key: 'visitor', label: '探访责任人', children: show(elder.visitor) },
    { key: 'visitorPhone', label: '责任人电话', children: show(elder.visitorPhone) },
  ];
  return <DetailSection title="探访安排" items={items} testId="elder-visit" />;
}

export function OtherDetails({ elder }: { elder: ElderRecord }) {
  const items: DetailItems = [
    { key: 'notes', label: '备注', children: show(elder.notes), span: FULL_ROW },
    { key: 'created', label: '登记时间', children: formatDateTime(elder.createdAt) },
    { key: 'updated', label: '最后修改', children: formatDateTime(elder.updatedAt) },
  ];
  return <DetailSection title="其他" items={items} />;
}
