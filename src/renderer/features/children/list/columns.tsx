import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ChildListRow } from '../../../../shared/contract';
import { CHILD_CATEGORIES, GUARDIANSHIP_TYPES } from '../../../../shared/domain/children';
import { labelOf } from '../../../../shared/domain/labels';
import { SEX_LABELS } from '../../../ui/personLabels';
import { ReportTag } from '../ReportTag';
import { CUT, CutText } from '../../../ui/CutText';

const CATEGORY_COLORS: Record<string, string> = {
  left_behind: 'blue',
  orphan: 'purple',
  unsupported: 'magenta',
  difficulty: 'gold',
};

// Virtual rows have one fixed height: every cell stays on one line, cut text shows whole on hover.
export const childColumns: ColumnsType<ChildListRow> = [
  {
    title: '姓名',
    dataIndex: 'name',
    width: 96,
    fixed: 'left',
    ellipsis: CUT,
    render: (name: string) => (
      <CutText text={name}>
        <Typography.Text strong>{name}</Typography.Text>
      </CutText>
    ),
  },
  { title: '性别', dataIndex: 'sex', width: 56, render: (sex: ChildListRow['sex']) => SEX_LABELS[sex] },
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
    ellipsis: CUT,
    render: (_: unknown, r: ChildListRow) => <CutText text={`${r.townshipName} / ${r.villageName}`} />,
  },
  {
    title: '儿童类别',
    dataIndex: 'categories',
    width: 200,
    ellipsis: CUT,
    render: (cats: ChildListRow['categories']) => (
      <CutText text={cats.map((c) => labelOf(CHILD_CATEGORIES, c)).join('、')}>
        <span className="nowrap">
          {cats.map((c) => (
            <Tag key={c} color={CATEGORY_COLORS[c]}>
              {labelOf(CHILD_CATEGORIES, c)}
            </Tag>
          ))}
        </span>
      </CutText>
    ),
  },
  {
    title: '监护类型',
    dataIndex: 'guardianshipType',
    width: 170,
    ellipsis: CUT,
    render: (g: ChildListRow['guardianshipType']) => <CutText text={labelOf(GUARDIANSHIP_TYPES, g)} />,
  },
  {
    title: '强制报告',
    key: 'report',
    width: 180,
    // Stays in view when a narrow window scrolls the table sideways.
    fixed: 'right',
    ellipsis: true,
    render: (_: unknown, r: ChildListRow) => <ReportTag reasons={r.reportReasons} reported={r.reported} />,
  },
];
