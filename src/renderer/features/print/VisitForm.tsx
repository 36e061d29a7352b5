/**
 * 探视走访记录表: one A4 sheet. Blank (no `visit`) it goes out to the field with the person's
 * details filled in and empty boxes for every visit field; with a `visit` it is the signed record
 * of that visit, the chosen options ticked.
 */
import type { ReactNode } from 'react';
import type { VisitRecord } from '../../../shared/contract';
import { ageOn, todayIso } from '../../../shared/domain/dates';
import { CHILD_ASPECTS, CHILD_SAFETY_RISKS, HEALTH_ASPECTS, HOME_HAZARDS, SUPPORTER_VISITS, VISIT_METHODS, VISIT_NEEDS, VISIT_QUESTIONS } from '../../../shared/domain/visits';
import { SEX_LABELS } from '../../ui/personLabels';
import { joined } from './format';
import { Blank, Choices, DateLine, Signature } from './marks';
import { SUBJECT_WORDS, type VisitSubject } from './visitSubject';

export const VISIT_FORM_TITLE = '探视走访记录表';

/** A label cell and the cell (or cells) it names. */
function Field({ label, span = 1, children, className }: { label: string; span?: number; children?: ReactNode; className?: string }) {
  return (
    <>
      <th>{label}</th>
      <td colSpan={span} className={className}>
        {children}
      </td>
    </>
  );
}

/** Six columns shared by every section, so their lines meet. */
function Columns() {
  return (
    <colgroup>
      <col style={{ width: '16%' }} />
      <col style={{ width: '16%' }} />
      <col style={{ width: '12%' }} />
      <col style={{ width: '18%' }} />
      <col style={{ width: '13%' }} />
      <col style={{ width: '25%' }} />
    </colgroup>
  );
}

/**
 * One section of the form as its own table. Sections never break inside, so a record too long
 * for one sheet continues on the next between sections; their borders join into one grid.
 */
function Part({ children }: { children: ReactNode }) {
  return (
    <table className="pf-table">
      <Columns />
      <tbody>{children}</tbody>
    </table>
  );
}

function PersonPart({ subject, day }: { subject: VisitSubject; day: string }) {
  return (
    <Part>
      <tr>
        <Field label="姓名">{subject.name}</Field>
        <Field label="性别">{SEX_LABELS[subject.sex]}</Field>
        <Field label="年龄">{`${ageOn(subject.birthDate, day)}岁`}</Field>
      </tr>
      <tr>
        {/* Masked on purpose: visit forms travel to villages and stay with helpers (see VisitSubject). */}
        <Field label="身份证号码" span={3} className="pf-id">
          {subject.idNumberMasked}
        </Field>
        <Field label="联系电话">{subject.phone}</Field>
      </tr>
      <tr>
        <Field label="所在村（居）" span={3}>
          {joined([subject.townshipName, subject.villageName])}
        </Field>
        <Field label="对象类别">{subject.groups.join('、')}</Field>
      </tr>
      <tr>
        <Field label="现居住地址" span={5}>
          {subject.address}
        </Field>
      </tr>
      <tr>
        <Field label={subject.kind === 'child' ? '监护人' : '联系人'} span={3}>
          {subject.contact}
        </Field>
        <Field label="联系电话">{subject.contactPhone}</Field>
      </tr>
    </Part>
  );
}

/** The health check rows this kind of person is asked, plus any answer a recorded visit holds. */
function HealthRows({ subject, visit, illness = true }: { subject: VisitSubject; visit?: VisitRecord; illness?: boolean }) {
  const health = visit?.health ?? {};
  const asked: readonly string[] = VISIT_QUESTIONS[subject.kind].health;
  const aspects = HEALTH_ASPECTS.filter((a) => asked.includes(a.key) || health[a.key] !== undefined);
  return (
    <>
      {aspects.map((aspect, i) => (
        <tr key={aspect.key}>
          {i === 0 && <th rowSpan={aspects.length + (illness ? 1 : 0)}>健康状况</th>}
          <th>{aspect.label}</th>
          <td colSpan={4}>
            <Choices options={aspect.options} chosen={health[aspect.key]} />
          </td>
        </tr>
      ))}
      {illness && (
        <tr>
          {aspects.length === 0 && <th>健康状况</th>}
          <th>患病情况</th>
          <td colSpan={4} className="pf-line">
            {visit?.illness}
          </td>
        </tr>
      )}
    </>
  );
}

/** 儿童情况: guardianship, schooling, health, mental state, contact with the parents, safety. */
function ChildRows({ visit }: { visit?: VisitRecord }) {
  const check = visit?.childCheck;
  return (
    <>
      {CHILD_ASPECTS.map((aspect, i) => (
        <tr key={aspect.key}>
          {i === 0 && <th rowSpan={CHILD_ASPECTS.length + 2}>儿童情况</th>}
          <th>{aspect.label}</th>
          <td colSpan={4}>
            <Choices<string> options={aspect.options} chosen={check?.[aspect.key]} />
          </td>
        </tr>
      ))}
      <tr>
        <th>安全情况</th>
        <td colSpan={4}>
          <Choices options={CHILD_SAFETY_RISKS} chosen={check?.safety} />
        </td>
      </tr>
      <tr>
        <th>患病情况</th>
        <td colSpan={4} className="pf-line">
          {visit?.illness}
        </td>
      </tr>
    </>
  );
}

function VisitParts({ subject, visit }: { subject: VisitSubject; visit?: VisitRecord }) {
  const asked = VISIT_QUESTIONS[subject.kind];
  // A recorded visit keeps what it holds, even an answer this kind of person is no longer asked.
  const needs = VISIT_NEEDS.filter((n) => (asked.needs as readonly string[]).includes(n.value) || visit?.needs.includes(n.value));
  const supporters = asked.supportersVisit || visit?.supportersVisit !== undefined;
  return (
    <>
      <Part>
        <tr>
          <Field label="走访日期" span={2}>
            <DateLine iso={visit?.visitedOn} />
          </Field>
          <Field label="走访人" span={2}>
            {visit?.visitors.join('、')}
          </Field>
        </tr>
        <tr>
          <Field label="走访方式" span={5}>
            <Choices options={VISIT_METHODS} chosen={visit?.method} />
          </Field>
        </tr>
      </Part>
      <Part>{asked.childCheck ? <ChildRows visit={visit} /> : <HealthRows subject={subject} visit={visit} />}</Part>
      {asked.childCheck && visit && Object.keys(visit.health).length > 0 && (
        <Part>
          <HealthRows subject={subject} visit={visit} illness={false} />
        </Part>
      )}
      <Part>
        <tr>
          <Field label="生活困难" span={5} className="pf-tall">
            {visit?.livingDifficulties}
          </Field>
        </tr>
        <tr>
          <Field label="经济困难" span={5} className="pf-tall">
            {visit?.moneyDifficulties}
          </Field>
        </tr>
        <tr>
          <Field label="享受政策" span={5} className="pf-line">
            {visit?.benefitsReceived}
          </Field>
        </tr>
        {supporters && (
          <tr>
            <Field label="子女（赡养人）探望" span={5}>
              <Choices options={SUPPORTER_VISITS} chosen={visit?.supportersVisit} />
            </Field>
          </tr>
        )}
      </Part>
      <Part>
        <tr>
          <Field label="安全隐患" span={5}>
            <Choices options={HOME_HAZARDS} chosen={visit?.hazards} />
            <span className="pf-note">
              说明：{visit ? visit.hazardNote : <Blank width="40mm" />}
            </span>
          </Field>
        </tr>
        <tr>
          <Field label="服务需求" span={5}>
            <Choices options={needs} chosen={visit?.needs} />
          </Field>
        </tr>
      </Part>
      <Part>
        <tr>
          <Field label="采取措施" span={5} className="pf-taller">
            {visit?.actions}
          </Field>
        </tr>
        <tr>
          <Field label="转介情况" span={5} className="pf-tall">
            {visit?.referrals}
          </Field>
        </tr>
      </Part>
      <Part>
        <tr>
          <Field label="下次走访日期" span={5}>
            <DateLine iso={visit?.nextVisitOn} />
          </Field>
        </tr>
        <tr>
          <Field label="备注" span={5} className="pf-tall">
            {visit?.notes}
          </Field>
        </tr>
      </Part>
    </>
  );
}

export function VisitForm({ subject, stationName, visit, note }: { subject: VisitSubject; stationName: string; visit?: VisitRecord; note?: string }) {
  // The age the person had on the day of the visit; a blank form is for a visit about to happen.
  const day = visit?.visitedOn ?? todayIso();
  // A record shows the village where the visit took place, even if the person has since moved.
  const shown = visit ? { ...subject, townshipName: visit.townshipName, villageName: visit.villageName } : subject;
  return (
    <section className="pf-sheet" data-testid="visit-form">
      {note && <div className="pf-batch-note">{note}</div>}
      <h1 className="pf-title">{VISIT_FORM_TITLE}</h1>
      <div className="pf-unit-line">
        <span>填报单位：{stationName}</span>
        <span>走访对象：{SUBJECT_WORDS[subject.kind]}</span>
      </div>
      <div className="pf-tables">
        <PersonPart subject={shown} day={day} />
        <VisitParts subject={subject} visit={visit} />
      </div>
      <div className="pf-signatures">
        <Signature label="走访人签字" width="28mm" />
        <Signature label="被访人（监护人）签字" width="28mm" />
        <span className="pf-sign">
          日期：<DateLine />
        </span>
      </div>
    </section>
  );
}
