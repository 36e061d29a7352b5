import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ElderListRow } from '../../../../shared/contract';
import { CAPABILITY_LEVELS, ECONOMIC_STATUSES, ELDER_GROUPS, LIVING_SITUATIONS, type HighAgeBand } from '../../../../shared/domain/elders';
import { labelOf } from '../../../../shared/domain/labels';
import { EMPTY, SEX_LABELS } from '../../../ui/personLabels';
import { highAgeLabel } from '../../rules/highAgeBands';
import { GroupTag, RiskTag } from '../tags';
import { CUT, CutText } from '../../../ui/CutText';

// Virtual rows have one fixed height: every cell stays on one line, cut text shows whole on hover. The station's columns fit a
// 1366-pixel screen without sideways scrolling; the phone is on the detail page. The age's tooltip
// names the high-age class by the bands in force.
export const elderColumns = (bands: readonly HighAgeBand[]): ColumnsType<ElderListRow> => [
  {
    title: '姓名',
    dataIndex: 'name',
    width: 90,
    fixed: 'left',
    ellipsis: CUT,
    render: (name: string) => (
      <CutText text={name}>
        <Typography.Text strong>{name}</Typography.Text>
      </CutText>
    ),
  },
  { title: '性别', dataIndex: 'sex', width: 52, render: (sex: ElderListRow['sex']) => SEX_LABELS[sex] },
  {
    title: '年龄',
    dataIndex: 'age',
    width: 60,
    render: (age: number, r: ElderListRow) => <span title={highAgeLabel(bands, r.highAgeClass) ?? undefined}>{age}岁</span>,
  },
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
    render: (_: unknown, r: ElderListRow) => <CutText text={`${r.townshipName} / ${r.villageName}`} />,
  },
  {
    title: '对象类别',
    dataIndex: 'groups',
    width: 196,
    ellipsis: CUT,
    render: (groups: ElderListRow['groups']) =>
      groups.length === 0 ? (
        EMPTY
      ) : (
        <CutText text={groups.map((g) => labelOf(ELDER_GROUPS, g)).join('、')}>
          <span className="nowrap">
            {groups.map((g) => (
              <GroupTag key={g} group={g} />
            ))}
          </span>
        </CutText>
      ),
  },
  {
    title: '居住情况',
    dataIndex: 'livingSituation',
    width: 110,
    ellipsis: CUT,
    render: (v: ElderListRow['livingSituation']) => <CutText text={labelOf(LIVING_SITUATIONS, v)} />,
  },
  {
    title: '能力等级',
    dataIndex: 'capability',
    width: 96,
    ellipsis: CUT,
    render: (v: ElderListRow['capability']) => <CutText text={labelOf(CAPABILITY_LEVELS, v)} />,
  },
  {
    title: '经济状况',
    dataIndex: 'economicStatus',
    width: 80,
    render: (v: ElderListRow['economicStatus']) => labelOf(ECONOMIC_STATUSES, v),
  },
  {
    title: '探访等级',
    dataIndex: 'riskTier',
    width: 90,
    // Stays in view when a narrow window scrolls the table sideways.
    fixed: 'right',
    render: (tier: ElderListRow['riskTier']) => <RiskTag tier={tier} />,
  },
];
