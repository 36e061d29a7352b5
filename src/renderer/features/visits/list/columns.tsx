import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { VisitListRow } from '../../../../shared/contract';
import { labelOf } from '../../../../shared/domain/labels';
import { SUBJECT_KINDS } from '../../../../shared/domain/visits';
import { methodLabel } from '../visitLabels';
import { CUT, CutText } from '../../../ui/CutText';

const KIND_COLORS: Readonly<Record<VisitListRow['subjectKind'], string>> = { elder: 'gold', child: 'blue', woman: 'magenta' };

// Virtual rows have one fixed height: every cell stays on one line, cut text shows whole on hover.
export const visitColumns: ColumnsType<VisitListRow> = [
  { title: '探访日期', dataIndex: 'visitedOn', key: 'visitedOn', width: 110, fixed: 'left' },
  {
    title: '探访对象',
    dataIndex: 'subjectName',
    width: 110,
    ellipsis: CUT,
    render: (name: string) => (
      <CutText text={name}>
        <Typography.Text strong>{name}</Typography.Text>
      </CutText>
    ),
  },
  {
    title: '类别',
    dataIndex: 'subjectKind',
    width: 96,
    render: (kind: VisitListRow['subjectKind']) => <Tag color={KIND_COLORS[kind]}>{labelOf(SUBJECT_KINDS, kind)}</Tag>,
  },
  {
    title: '乡镇 / 村（居）',
    key: 'place',
    width: 180,
    ellipsis: CUT,
    render: (_: unknown, r: VisitListRow) => <CutText text={`${r.townshipName} / ${r.villageName}`} />,
  },
  { title: '方式', dataIndex: 'method', width: 72, render: (m: VisitListRow['method']) => methodLabel(m) },
  {
    title: '走访人',
    dataIndex: 'visitors',
    width: 180,
    ellipsis: CUT,
    render: (names: string[]) => <CutText text={names.join('、')} />,
  },
  {
    title: '探访情况',
    dataIndex: 'flagged',
    width: 110,
    fixed: 'right',
    render: (flagged: boolean) => (flagged ? <Tag color="red">有异常情况</Tag> : <Typography.Text type="secondary">正常</Typography.Text>),
  },
];
