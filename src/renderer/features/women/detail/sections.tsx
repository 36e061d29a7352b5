import type { WomanRecord } from '../../../../shared/contract';
import { labelOf } from '../../../../shared/domain/labels';
import { WOMAN_HEALTH, WOMAN_NEEDS } from '../../../../shared/domain/women';
import { DetailSection, FULL_ROW, type DetailItems } from '../../../ui/DetailSection';
import { labelsOf } from '../../../ui/options';
import { EMPTY, SEX_LABELS } from '../../../ui/personLabels';
import { StatusTag } from '../StatusTag';

const show = (v: string | undefined) => (v && v.trim() !== '' ? v : EMPTY);
const count = (n: number | undefined) => (n === undefined ? EMPTY : `${n}人`);

export function BasicDetails({ woman }: { woman: WomanRecord }) {
  const items: DetailItems = [
    { key: 'name', label: '姓名', children: woman.name },
    { key: 'sex', label: '性别', children: SEX_LABELS[woman.sex] },
    { key: 'birth', label: '出生日期', children: `${woman.birthDate}（${woman.age}周岁）` },
    { key: 'id', label: '身份证号码', children: <span className="id-number">{woman.idNumber}</span> },
    { key: 'health', label: '健康状况', children: labelOf(WOMAN_HEALTH, woman.health) },
    { key: 'phone', label: '联系电话', children: show(woman.phone) },
    { key: 'place', label: '所在乡镇 / 村（居）', children: `${woman.townshipName} / ${woman.villageName}` },
    { key: 'address', label: '现居住地址', children: show(woman.address), span: FULL_ROW },
  ];
  return <DetailSection title="基本信息" items={items} testId="woman-basic" />;
}

export function HusbandDetails({ woman }: { woman: WomanRecord }) {
  const work = [woman.husbandWorkProvince, woman.husbandWorkCity].filter(Boolean).join(' ');
  const items: DetailItems = [
    { key: 'name', label: '丈夫姓名', children: woman.husbandName },
    { key: 'phone', label: '丈夫联系电话', children: show(woman.husbandPhone) },
    { key: 'work', label: '务工地', children: show(work) },
  ];
  return <DetailSection title="丈夫外出务工情况" items={items} />;
}

export function FamilyDetails({ woman }: { woman: WomanRecord }) {
  const needs = labelsOf(WOMAN_NEEDS, woman.needs);
  const items: DetailItems = [
    { key: 'children', label: '在家子女数', children: count(woman.childrenAtHome) },
    { key: 'elders', label: '在家老人数', children: count(woman.eldersAtHome) },
    { key: 'needs', label: '服务需求', children: needs.length > 0 ? needs.join('、') : EMPTY, span: FULL_ROW },
  ];
  return <DetailSection title="家庭与服务需求" items={items} />;
}

export function RegisterDetails({ woman }: { woman: WomanRecord }) {
  const items: DetailItems = [
    { key: 'status', label: '登记状态', children: <StatusTag active={woman.active} endedOn={woman.endedOn} /> },
    { key: 'since', label: '登记日期', children: woman.sinceOn },
    { key: 'ended', label: '退出日期', children: show(woman.endedOn) },
    { key: 'notes', label: '备注', children: show(woman.notes), span: FULL_ROW },
  ];
  return <DetailSection title="登记情况" items={items} />;
}
