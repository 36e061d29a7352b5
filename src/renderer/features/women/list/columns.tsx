import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { WomanListRow } from '../../../../shared/contract';
import { labelOf } from '../../../../shared/domain/labels';
import { WOMAN_HEALTH, WOMAN_NEEDS } from '../../../../shared/domain/women';
import { EMPTY } from '../../../ui/personLabels';
import { StatusTag } from '../StatusTag';
import { CUT, CutText } from '../../../ui/CutText';

// Virtual rows have one fixed height: every cell stays on one line, cut text shows whole on hover.
// The station's columns fit a 1366-pixel screen without sideways scrolling.
export const womanColumns: ColumnsType<WomanListRow> = [
  {
    title: '姓名',
    dataIndex: 'name',
    width: 84,
    fixed: 'left',
    ellipsis: CUT,
    render: (name: string) => (
      <CutText text={name}>
        <Typography.Text strong>{name}</Typography.Text>
      </CutText>
    ),
  },
  { title: '年龄', dataIndex: 'age', width: 56, render: (age: number) => `${age}岁` },
  {
    title: '身份证号码',
    dataIndex: 'idNumberMasked',
    width: 176,
    render: (id: string) => <span className="id-number">{id}</span>,
  },
  {
    title: '乡镇 / 村（居）',
    key: 'place',
    width: 150,
    ellipsis: CUT,
    render: (_: unknown, r: WomanListRow) => <CutText text={`${r.townshipName} / ${r.villageName}`} />,
  },
  { title: '联系电话', dataIndex: 'phone', width: 116, render: (phone?: string) => phone ?? EMPTY },
  {
    title: '丈夫 / 务工地',
    key: 'husband',
    width: 150,
    ellipsis: CUT,
    render: (_: unknown, r: WomanListRow) => <CutText text={r.husbandWorkPlace ? `${r.husbandName} / ${r.husbandWorkPlace}` : r.husbandName} />,
  },
  { title: '健康状况', dataIndex: 'health', width: 80, render: (h: WomanListRow['health']) => labelOf(WOMAN_HEALTH, h) },
  {
    title: '服务需求',
    dataIndex: 'needs',
    width: 150,
    ellipsis: CUT,
    render: (needs: WomanListRow['needs']) =>
      needs.length === 0 ? (
        EMPTY
      ) : (
        <CutText text={needs.map((n) => labelOf(WOMAN_NEEDS, n)).join('、')}>
          <span className="nowrap">
            {needs.map((n) => (
              <Tag key={n}>{labelOf(WOMAN_NEEDS, n)}</Tag>
            ))}
          </span>
        </CutText>
      ),
  },
  {
    title: '状态',
    key: 'status',
    width: 136,
    fixed: 'right',
    render: (_: unknown, r: WomanListRow) => <StatusTag active={r.active} endedOn={r.endedOn} />,
  },
];
