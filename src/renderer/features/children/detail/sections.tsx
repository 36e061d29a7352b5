import { Descriptions, Empty, Table, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { ChildCategoryRecord, ChildRecord } from '../../../../shared/contract';
import {
  ASSISTANCE_KINDS,
  CHILD_CATEGORIES,
  DIFFICULTY_KINDS,
  DISABILITY_GRADES,
  DISABILITY_TYPES,
  GUARDIAN_RELATIONSHIPS,
  GUARDIANSHIP_TYPES,
  HEALTH_STATUSES,
  HUKOU_TYPES,
  INCOME_SOURCES,
  LEFT_BEHIND_REASONS,
  ORPHAN_CARE,
  ORPHAN_REASONS,
  PARENT_SITUATIONS,
  SCHOOLING,
  UNSUPPORTED_REASONS,
} from '../../../../shared/domain/children';
import { ageOn, todayIso } from '../../../../shared/domain/dates';
import { ETHNICITIES } from '../../../../shared/domain/ethnicities';
import { labelOf } from '../../../../shared/domain/labels';
import { labelsOf } from '../../../ui/options';
import { EMPTY, SEX_LABELS } from '../../../ui/personLabels';
import { formatDateTime } from '../../../ui/dates';

type Items = NonNullable<DescriptionsProps['items']>;

const show = (v: string | undefined | null) => (v && v.trim() !== '' ? v : EMPTY);
const yesNo = (v: boolean) => (v ? '是' : '否');
const joined = (labels: string[]) => (labels.length > 0 ? labels.join('、') : EMPTY);

function Section({ title, items, column = 3 }: { title: string; items: Items; column?: number }) {
  return (
    <Descriptions
      title={title}
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: column }}
      items={items}
      styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
    />
  );
}

export function BasicDetails({ child }: { child: ChildRecord }) {
  const items: Items = [
    { key: 'name', label: '姓名', children: child.name },
    { key: 'sex', label: '性别', children: SEX_LABELS[child.sex] },
    { key: 'birth', label: '出生日期', children: child.birthDate },
    { key: 'age', label: '年龄', children: `${ageOn(child.birthDate, todayIso())}周岁` },
    { key: 'id', label: '身份证号码', children: <span className="id-number">{child.idNumber}</span> },
    { key: 'ethnicity', label: '民族', children: labelOf(ETHNICITIES, child.ethnicity) },
    { key: 'hukouRegistered', label: '是否登记户口', children: yesNo(child.hukouRegistered) },
    { key: 'hukouType', label: '户口性质', children: labelOf(HUKOU_TYPES, child.hukouType) },
    { key: 'place', label: '所在乡镇 / 村（居）', children: `${child.townshipName} / ${child.villageName}` },
    { key: 'registeredAddress', label: '户籍地址', children: show(child.registeredAddress), span: { xs: 1, md: 2, xl: 3 } },
    { key: 'currentAddress', label: '现居住地址', children: show(child.currentAddress), span: { xs: 1, md: 2, xl: 3 } },
  ];
  return <Section title="基本信息" items={items} />;
}

export function HealthSchoolingDetails({ child }: { child: ChildRecord }) {
  const items: Items = [{ key: 'health', label: '健康状况', children: labelOf(HEALTH_STATUSES, child.healthStatus) }];
  if (child.healthStatus === 'disabled') {
    items.push(
      { key: 'disabilityType', label: '残疾类别', children: show(labelOf(DISABILITY_TYPES, child.disabilityType)) },
      { key: 'disabilityGrade', label: '残疾等级', children: show(labelOf(DISABILITY_GRADES, child.disabilityGrade)) },
    );
  }
  if (child.healthStatus === 'ill') items.push({ key: 'illness', label: '所患疾病', children: show(child.illness) });
  items.push(
    {
      key: 'schooling',
      label: '就学情况',
      children: child.schooling === 'dropped_out' ? <Tag color="error">辍学</Tag> : labelOf(SCHOOLING, child.schooling),
    },
    { key: 'boarding', label: '是否寄宿', children: yesNo(child.boarding) },
  );
  return <Section title="健康与就学" items={items} />;
}

function categoryDetail(c: ChildCategoryRecord): string {
  switch (c.category) {
    case 'left_behind':
      return labelOf(LEFT_BEHIND_REASONS, c.reason);
    case 'orphan':
      return [labelOf(ORPHAN_REASONS, c.reason), labelOf(ORPHAN_CARE, c.care)].filter(Boolean).join('，');
    case 'unsupported':
      return `父母情形：${joined(labelsOf(UNSUPPORTED_REASONS, c.reasons))}`;
    case 'difficulty':
      return joined(labelsOf(DIFFICULTY_KINDS, c.reasons));
  }
}

export function CategoryDetails({ child }: { child: ChildRecord }) {
  const today = todayIso();
  return (
    <div>
      <div className="section-title">儿童类别</div>
      <Table<ChildCategoryRecord>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={child.categories}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未登记类别" /> }}
        columns={[
          {
            title: '类别',
            dataIndex: 'category',
            width: 170,
            render: (_: unknown, c) => (
              <Tag color={c.endDate && c.endDate < today ? 'default' : 'blue'}>{labelOf(CHILD_CATEGORIES, c.category)}</Tag>
            ),
          },
          { title: '认定日期', dataIndex: 'startDate', width: 120 },
          {
            title: '退出日期',
            dataIndex: 'endDate',
            width: 140,
            render: (end: string | undefined) => (end ? (end < today ? `${end}（已退出）` : end) : '至今'),
          },
          { title: '认定情形', key: 'detail', render: (_: unknown, c) => categoryDetail(c) },
        ]}
      />
    </div>
  );
}

export function FamilyDetails({ child }: { child: ChildRecord }) {
  const parent = (who: 'father' | 'mother', label: string): Items => {
    const p = child[who];
    const work = [p.workProvince, p.workCity].filter(Boolean).join(' ');
    return [
      { key: `${who}-name`, label: `${label}姓名`, children: show(p.name) },
      { key: `${who}-situation`, label: `${label}状况`, children: show(labelOf(PARENT_SITUATIONS, p.situation)) },
      { key: `${who}-phone`, label: `${label}联系电话`, children: show(p.phone) },
      { key: `${who}-id`, label: `${label}身份证号码`, children: <span className="id-number">{show(p.idNumber)}</span> },
      { key: `${who}-birth`, label: `${label}出生日期`, children: show(p.birthDate) },
      { key: `${who}-work`, label: `${label}务工地`, children: show(work) },
    ];
  };
  const grand = (who: 'paternalGrandfather' | 'paternalGrandmother' | 'maternalGrandfather' | 'maternalGrandmother', label: string): Items => {
    const g = child[who];
    return [
      { key: `${who}-name`, label: `${label}姓名`, children: show(g.name) },
      { key: `${who}-phone`, label: `${label}电话`, children: show(g.phone) },
      { key: `${who}-health`, label: `${label}健康状况`, children: show(g.health) },
    ];
  };
  return (
    <>
      <Section title="父母情况" items={[...parent('father', '父亲'), ...parent('mother', '母亲')]} />
      <Section
        title="祖父母、外祖父母"
        items={[
          ...grand('paternalGrandfather', '祖父'),
          ...grand('paternalGrandmother', '祖母'),
          ...grand('maternalGrandfather', '外祖父'),
          ...grand('maternalGrandmother', '外祖母'),
        ]}
      />
    </>
  );
}

export function GuardianshipDetails({ child }: { child: ChildRecord }) {
  const g = child.guardian;
  const items: Items = [
    {
      key: 'type',
      label: '监护类型',
      children: child.guardianshipType === 'none' ? <Tag color="error">无人监护</Tag> : labelOf(GUARDIANSHIP_TYPES, child.guardianshipType),
    },
    { key: 'g-name', label: '委托监护人', children: show(g.name) },
    { key: 'g-rel', label: '与儿童关系', children: show(labelOf(GUARDIAN_RELATIONSHIPS, g.relationship)) },
    { key: 'g-phone', label: '委托监护人电话', children: show(g.phone) },
    { key: 'g-id', label: '委托监护人身份证号码', children: <span className="id-number">{show(g.idNumber)}</span> },
    { key: 'g-addr', label: '委托监护人住址', children: show(g.address) },
    { key: 'income', label: '家庭收入来源', children: joined(labelsOf(INCOME_SOURCES, child.incomeSources)) },
    { key: 'assistance', label: '享受救助', children: joined(labelsOf(ASSISTANCE_KINDS, child.assistance)) },
    {
      key: 'director',
      label: '儿童主任',
      children: child.childDirector ? `${child.childDirector}${child.childDirectorPhone ? `（${child.childDirectorPhone}）` : ''}` : EMPTY,
    },
  ];
  return <Section title="监护与帮扶" items={items} />;
}

export function ReportDetails({ child }: { child: ChildRecord }) {
  if (!child.reportDate && !child.reportAgency && !child.reportNote) return null;
  const items: Items = [
    { key: 'date', label: '报告日期', children: show(child.reportDate) },
    { key: 'agency', label: '报告单位', children: show(child.reportAgency) },
    { key: 'note', label: '报告情况', children: show(child.reportNote), span: { xs: 1, md: 2, xl: 3 } },
  ];
  return <Section title="强制报告记录" items={items} />;
}

export function OtherDetails({ child }: { child: ChildRecord }) {
  const items: Items = [
    { key: 'notes', label: '备注', children: show(child.notes), span: { xs: 1, md: 2, xl: 3 } },
    { key: 'created', label: '登记时间', children: formatDateTime(child.createdAt) },
    { key: 'updated', label: '最后修改', children: formatDateTime(child.updatedAt) },
  ];
  return <Section title="其他" items={items} />;
}
