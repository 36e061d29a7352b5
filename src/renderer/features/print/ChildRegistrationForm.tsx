/**
 * 农村留守儿童基本情况登记表, laid out like the official paper form (docs/domain.md, "Children"): one
 * table per section, so a form longer than a page breaks between sections, never inside a row.
 */
import type { ReactNode } from 'react';
import type { ChildRecord } from '../../../shared/contract';
import {
  ASSISTANCE_KINDS,
  CHILD_CATEGORIES,
  DISABILITY_GRADES,
  DISABILITY_TYPES,
  GUARDIAN_RELATIONSHIPS,
  GUARDIANSHIP_TYPES,
  HEALTH_STATUSES,
  HUKOU_TYPES,
  INCOME_SOURCES,
  LEFT_BEHIND_REASONS,
  PARENT_SITUATIONS,
  SCHOOLING,
} from '../../../shared/domain/children';
import { todayIso } from '../../../shared/domain/dates';
import { ETHNICITIES } from '../../../shared/domain/ethnicities';
import { SEX_LABELS } from '../../ui/personLabels';
import { chineseDate, joined, label } from './format';
import { Box, Choices, DateLine, Signature } from './marks';

export const CHILD_FORM_TITLE = '农村留守儿童基本情况登记表';

const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
] as const;
const yesNo = (v: boolean) => (v ? 'yes' : 'no');

/** One section: its title down the left edge, then its rows, each given as its cells. */
function Section({ title, widths, rows }: { title: string; widths: readonly number[]; rows: readonly ReactNode[] }) {
  return (
    <table className="pf-table">
      <colgroup>
        <col style={{ width: '6%' }} />
        {widths.map((w, i) => (
          <col key={i} style={{ width: `${w}%` }} />
        ))}
      </colgroup>
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {i === 0 && (
              <th rowSpan={rows.length} className="pf-section">
                {title}
              </th>
            )}
            {cells}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const BASIC_WIDTHS = [15, 15, 14, 16, 15, 19] as const;

function basicRows(child: ChildRecord, today: string): ReactNode[] {
  const held = child.categories.filter((c) => c.startDate <= today && (!c.endDate || c.endDate >= today));
  const disability = child.healthStatus === 'disabled' ? joined([label(DISABILITY_TYPES, child.disabilityType), label(DISABILITY_GRADES, child.disabilityGrade)], ' ') : '';
  return [
    <>
      <th>姓名</th>
      <td>{child.name}</td>
      <th>性别</th>
      <td>{SEX_LABELS[child.sex]}</td>
      <th>民族</th>
      <td>{label(ETHNICITIES, child.ethnicity)}</td>
    </>,
    <>
      <th>出生日期</th>
      <td>{chineseDate(child.birthDate)}</td>
      <th>身份证号码</th>
      <td colSpan={3} className="pf-id">
        {child.idNumber}
      </td>
    </>,
    <>
      <th>是否登记户口</th>
      <td>
        <Choices options={YES_NO} chosen={yesNo(child.hukouRegistered)} />
      </td>
      <th>户口性质</th>
      <td colSpan={3}>
        <Choices options={HUKOU_TYPES} chosen={child.hukouType} />
      </td>
    </>,
    <>
      <th>户籍地址</th>
      <td colSpan={5}>{child.registeredAddress}</td>
    </>,
    <>
      <th>现居住地址</th>
      <td colSpan={5}>{child.currentAddress}</td>
    </>,
    <>
      <th>健康状况</th>
      <td colSpan={3}>
        <Choices options={HEALTH_STATUSES} chosen={child.healthStatus} />
      </td>
      <th>残疾类别等级</th>
      <td>{disability}</td>
    </>,
    <>
      <th>所患疾病</th>
      <td colSpan={3}>{child.healthStatus === 'ill' ? child.illness : ''}</td>
      <th>是否寄宿</th>
      <td>
        <Choices options={YES_NO} chosen={yesNo(child.boarding)} />
      </td>
    </>,
    <>
      <th>就学情况</th>
      <td colSpan={5}>
        <Choices options={SCHOOLING} chosen={child.schooling} />
      </td>
    </>,
    <>
      <th>儿童类别</th>
      <td colSpan={5}>
        <span className="pf-choices">
          {CHILD_CATEGORIES.map((o) => {
            const since = held.find((c) => c.category === o.value)?.startDate;
            return (
              <span key={o.value} className="pf-choice">
                <Box checked={since !== undefined} />
                {o.label}
                {since && `（${chineseDate(since)}认定）`}
              </span>
            );
          })}
        </span>
      </td>
    </>,
  ];
}

const RELATIVE_WIDTHS = [15, 15, 30, 15, 19] as const;

function grandparentRows(child: ChildRecord): ReactNode[] {
  const relatives = [
    ['祖父', child.paternalGrandfather],
    ['祖母', child.paternalGrandmother],
    ['外祖父', child.maternalGrandfather],
    ['外祖母', child.maternalGrandmother],
  ] as const;
  return [
    <>
      <th>称谓</th>
      <th>姓名</th>
      <th>健康状况</th>
      <th colSpan={2}>联系电话</th>
    </>,
    ...relatives.map(([who, r]) => (
      <>
        <th>{who}</th>
        <td>{r.name}</td>
        <td>{r.health}</td>
        <td colSpan={2}>{r.phone}</td>
      </>
    )),
  ];
}

const PARENT_WIDTHS = [6, 10, 15, 22, 11, 16, 14] as const;

function parentRows(child: ChildRecord): ReactNode[] {
  const parents = [
    ['父亲', child.father],
    ['母亲', child.mother],
  ] as const;
  return [
    <>
      <th>称谓</th>
      <th>姓名</th>
      <th>出生日期</th>
      <th>身份证号码</th>
      <th>状况</th>
      <th>务工地点</th>
      <th>联系电话</th>
    </>,
    ...parents.map(([who, p]) => (
      <>
        <th>{who}</th>
        <td>{p.name}</td>
        <td>{chineseDate(p.birthDate)}</td>
        <td className="pf-id">{p.idNumber}</td>
        <td>{label(PARENT_SITUATIONS, p.situation)}</td>
        <td>{joined([p.workProvince, p.workCity])}</td>
        <td>{p.phone}</td>
      </>
    )),
  ];
}

/** Which left-behind situation: the category's own reason, else what the parents' situations say. */
function leftBehindReason(child: ChildRecord): string | undefined {
  const recorded = child.categories.find((c) => c.category === 'left_behind' && c.reason)?.reason;
  if (recorded) return recorded;
  const { father, mother } = child;
  const away = [father.situation, mother.situation].filter((s) => s === 'working_away').length;
  if (away === 2) return 'both_away';
  if (away === 1) {
    const other = father.situation === 'working_away' ? mother.situation : father.situation;
    if (other === 'serious_illness') return 'one_away_other_ill';
    if (other === 'severe_disability') return 'one_away_other_disabled';
  }
  return undefined;
}

function guardianshipRows(child: ChildRecord): ReactNode[] {
  const g = child.guardian;
  return [
    <>
      <th>留守情形</th>
      <td colSpan={5}>
        <Choices options={LEFT_BEHIND_REASONS} chosen={leftBehindReason(child)} />
      </td>
    </>,
    <>
      <th>委托监护人</th>
      <td>{g.name}</td>
      <th>与儿童关系</th>
      <td>{label(GUARDIAN_RELATIONSHIPS, g.relationship)}</td>
      <th>联系电话</th>
      <td>{g.phone}</td>
    </>,
    <>
      {/* Both under the 委托监护人 row: they are the delegated guardian's. */}
      <th>身份证号码</th>
      <td colSpan={2} className="pf-id">
        {g.idNumber}
      </td>
      <th>住址</th>
      <td colSpan={2}>{g.address}</td>
    </>,
    <>
      <th>监护类型</th>
      <td colSpan={5}>
        <Choices options={GUARDIANSHIP_TYPES} chosen={child.guardianshipType} />
      </td>
    </>,
  ];
}

function familyRows(child: ChildRecord): ReactNode[] {
  return [
    <>
      <th>家庭收入来源</th>
      <td colSpan={5}>
        <Choices options={INCOME_SOURCES} chosen={child.incomeSources} />
      </td>
    </>,
    <>
      <th>享受救助情况</th>
      <td colSpan={5}>
        <Choices options={ASSISTANCE_KINDS} chosen={child.assistance} />
      </td>
    </>,
    <>
      <th>责任儿童主任</th>
      <td colSpan={2}>{child.childDirector}</td>
      <th>联系电话</th>
      <td colSpan={2}>{child.childDirectorPhone}</td>
    </>,
    <>
      <th>备注</th>
      <td colSpan={5} className="pf-tall">
        {child.notes}
      </td>
    </>,
  ];
}

export function ChildRegistrationForm({ child, stationName }: { child: ChildRecord; stationName: string }) {
  // The full ID numbers (child, parents, delegated guardian) are printed on purpose: this form is
  // the county's internal ledger of record, filed at the station, and is checked against
  // household registers by number. Visit forms, which leave the office, mask them instead.
  return (
    <section className="pf-sheet pf-compact" data-testid="child-registration-form">
      <h1 className="pf-title">{CHILD_FORM_TITLE}</h1>
      <div className="pf-unit-line">
        <span>填报单位：{stationName}</span>
        <span>
          乡镇（街道）：{child.townshipName}
          <span className="pf-gap" />
          村（居）：{child.villageName}
        </span>
      </div>
      <div className="pf-tables">
        <Section title="儿童基本情况" widths={BASIC_WIDTHS} rows={basicRows(child, todayIso())} />
        <Section title="祖辈情况" widths={RELATIVE_WIDTHS} rows={grandparentRows(child)} />
        <Section title="父母情况" widths={PARENT_WIDTHS} rows={parentRows(child)} />
        <Section title="监护情况" widths={BASIC_WIDTHS} rows={guardianshipRows(child)} />
        <Section title="家庭情况" widths={BASIC_WIDTHS} rows={familyRows(child)} />
      </div>
      <div className="pf-signatures">
        <Signature label="填表人" width="32mm" />
        <Signature label="审核人" width="32mm" />
        <span className="pf-sign">
          填表日期：<DateLine />
        </span>
      </div>
    </section>
  );
}
