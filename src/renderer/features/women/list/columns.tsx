import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { WomanListRow } from '../../../../shared/contract';
import { labelOf } from '../../../../shared/domain/labels';
import { WOMAN_HEALTH, WOMAN_NEEDS } from '../../../../shared/domain/women';
import { EMPTY } from '../../../ui/personLabels';
import { StatusTag } from '../StatusTag';

// Virtual rows have one fixed height: every cell stays on one line.
export const womanColumns: ColumnsType<WomanListRow> = [
  {
    title: '姓名',
    dataIndex: 'name',
    width: 96,
    fixed: 'left',
    render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
  },
  { title: '年龄', dataIndex: 'age', width: 64, render: (age: number) => `${age}岁` },
  {
    title: '身份证号码',
    dataIndex: 'idNumberMasked',
    width: 190,
    render: (id: string) => <span className="id-number">{id}</span>,
  },
  {
    title: '乡镇 / 村（居）',
    key: 'place',
    width: 160,
    ellipsis: true,
    render: (_: unknown, r: WomanListRow) => `${r.townshipName} / ${r.villageName}`,
  },
  { title: '联系电话', dataIndex: 'phone', width: 124, render: (phone?: string) => phone ?? EMPTY },
  {
    title: '丈夫 / 务工地',
    key: 'husband',
    width: 170,
    ellipsis: true,
    render: (_: unknown, r: WomanListRow) => (r.husbandWorkPlace ? `${r.husbandName} / ${r.husbandWorkPlace}` : r.husbandName),
  },
  { title: '健康状况', dataIndex: 'health', width: 88, render: (h: WomanListRow['health']) => labelOf(WOMAN_HEALTH, h) },
  {
    title: '服务需求',
    dataIndex: 'needs',
    width: 220,
    ellipsis: true,
    render: (needs: WomanListRow['needs']) =>
      needs.length === 0 ? (
        EMPTY
      ) : (
        <span className="nowrap">
          {needs.map((n) => (
            <Tag key={n}>{labelOf(WOMAN_NEEDS, n)}</Tag>
          ))}
        </span>
      ),
  },
  {
    title: '状态',
    key: 'status',
    width: 150,
    fixed: 'right',
    render: (_: unknown, r: WomanListRow) => <StatusTag active={r.active} endedOn={r.endedOn} />,
  },
];
