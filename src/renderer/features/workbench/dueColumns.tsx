import { Button, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { DueRow } from '../../../shared/contract';
import { CHILD_CATEGORIES } from '../../../shared/domain/children';
import { ELDER_GROUPS, RISK_TIERS, type RiskTier } from '../../../shared/domain/elders';
import { labelOf } from '../../../shared/domain/labels';
import { VISIT_FREQUENCIES } from '../../../shared/domain/visitDue';
import { SUBJECT_KINDS } from '../../../shared/domain/visits';
import { labelsOf } from '../../ui/options';
import { EMPTY } from '../../ui/personLabels';
import { RiskTag } from '../elders/tags';
import { CUT, CutText } from '../../ui/CutText';

const KIND_COLOR: Record<DueRow['subjectKind'], string> = { elder: 'geekblue', child: 'green' };

function isRiskTier(code: string | undefined): code is RiskTier {
  return RISK_TIERS.some((t) => t.value === code);
}

export function personPath(row: Pick<DueRow, 'subjectKind' | 'id'>): string {
  return row.subjectKind === 'elder' ? `/elders/${row.id}` : `/children/${row.id}`;
}

/** Elders' groups and children's categories are both held in `groups`, each with its own labels. */
function groupLabels(row: DueRow): string[] {
  return row.subjectKind === 'elder' ? labelsOf(ELDER_GROUPS, row.groups) : labelsOf(CHILD_CATEGORIES, row.groups);
}

function Alerts({ row }: { row: DueRow }) {
  const reasons = row.reportReasons ?? [];
  if (!row.majorChangePending && reasons.length === 0) return <>{EMPTY}</>;
  return (
    <span className="nowrap">
      {row.majorChangePending && (
        <Tooltip title="发生重大变故后尚未探访，须在次日内上门">
          <Tag color="orange">重大变故</Tag>
        </Tooltip>
      )}
      {reasons.length > 0 && (
        <Tooltip title={`${reasons.join('、')}：须立即向公安机关报告`}>
          <Tag color="error">强制报告</Tag>
        </Tooltip>
      )}
    </span>
  );
}

interface DueColumnsOptions {
  /** The county sees every township: the place column names the township too. */
  county: boolean;
  onVisit: (row: DueRow) => void;
}

export function dueColumns({ county, onVisit }: DueColumnsOptions): ColumnsType<DueRow> {
  return [
    {
      title: '姓名',
      key: 'name',
      width: 120,
      fixed: 'left',
      render: (_: unknown, r: DueRow) => (
        <span className="nowrap">
          <Link to={personPath(r)} className="workbench-person">
            {r.name}
          </Link>
          <Typography.Text type="secondary"> {r.age}岁</Typography.Text>
        </span>
      ),
    },
    {
      title: '对象',
      dataIndex: 'subjectKind',
      width: 64,
      render: (kind: DueRow['subjectKind']) => <Tag color={KIND_COLOR[kind]}>{labelOf(SUBJECT_KINDS, kind)}</Tag>,
    },
    {
      title: county ? '乡镇 / 村（居）' : '村（居）',
      key: 'place',
      width: county ? 160 : 96,
      ellipsis: CUT,
      render: (_: unknown, r: DueRow) => <CutText text={county ? `${r.townshipName} / ${r.villageName}` : r.villageName} />,
    },
    {
      title: '人群 / 类别',
      key: 'groups',
      width: 190,
      render: (_: unknown, r: DueRow) => (
        <span className="workbench-tags">
          {isRiskTier(r.riskTier) && <RiskTag tier={r.riskTier} />}
          {groupLabels(r).map((label) => (
            <Tag key={label}>{label}</Tag>
          ))}
        </span>
      ),
    },
    {
      title: '探访频次',
      dataIndex: 'frequency',
      width: 80,
      render: (f: DueRow['frequency']) => labelOf(VISIT_FREQUENCIES, f),
    },
    {
      title: '上次探访',
      dataIndex: 'lastVisit',
      width: 100,
      render: (d: string | undefined) => (d ? <span className="nowrap">{d}</span> : <Typography.Text type="secondary">从未探访</Typography.Text>),
    },
    {
      title: '应访日期',
      dataIndex: 'nextDueBy',
      width: 100,
      render: (d: string) => <span className="nowrap">{d}</span>,
    },
    {
      title: '逾期天数',
      dataIndex: 'daysOverdue',
      width: 80,
      align: 'right',
      render: (n: number | undefined) => (n ? <Typography.Text type="danger" strong>{`${n}天`}</Typography.Text> : EMPTY),
    },
    {
      title: '提示',
      key: 'alerts',
      width: 150,
      render: (_: unknown, r: DueRow) => <Alerts row={r} />,
    },
    {
      title: '操作',
      key: 'action',
      width: 100,
      fixed: 'right',
      render: (_: unknown, r: DueRow) => (
        <Button size="small" type="primary" ghost data-testid="due-row-visit" onClick={() => onVisit(r)} aria-label={`为${r.name}登记探访`}>
          登记探访
        </Button>
      ),
    },
  ];
}

export function columnsWidth(columns: ColumnsType<DueRow>): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);
}
