/** 老年助餐补贴月度结算表 (助餐补贴申报表): a site's month for signatures from the operator to the county. */
import dayjs from 'dayjs';
import type { MealSettlement } from '../../../../shared/contract';
import { labelOf } from '../../../../shared/domain/labels';
import { MEAL_CATEGORIES } from '../../../../shared/domain/meals';
import { yuan } from '../../meals/money';
import { monthTitle } from '../../meals/months';
import { inCategoryOrder } from '../../meals/settlement/personOrder';
import { chineseDate } from '../format';
import { Blank } from '../marks';

export const SETTLEMENT_TITLE = '老年助餐补贴月度结算表';

const SIGN_OFF = [
  { label: '经办人', width: '16%' },
  { label: '运营方负责人（签字盖章）', width: '28%' },
  { label: '村（居）审核', width: '19%' },
  { label: '乡镇审核', width: '18%' },
  { label: '县民政局审核', width: '19%' },
] as const;

function SignOff() {
  return (
    <table className="pf-table ms-signoff">
      <tbody>
        <tr>
          {SIGN_OFF.map(({ label, width }) => (
            <th key={label} style={{ width }}>
              {label}
            </th>
          ))}
        </tr>
        <tr>
          {SIGN_OFF.map(({ label }) => (
            <td key={label} className="ms-sign-space" />
          ))}
        </tr>
        <tr>
          {SIGN_OFF.map(({ label }) => (
            <td key={label} className="ms-sign-date">
              <span>年</span>
              <span>月</span>
              <span>日</span>
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

export function SettlementSheet({ settlement: s, rates }: { settlement: MealSettlement; rates: ReadonlyMap<string, string> }) {
  const delivery = s.total.deliveryFeeFen > 0;
  const category = (c: string) => labelOf(MEAL_CATEGORIES, c);
  return (
    <section className="pf-sheet">
      <h1 className="pf-title">{SETTLEMENT_TITLE}</h1>
      <div className="ms-subtitle">（助餐补贴申报表）</div>
      <div className="pf-unit-line">
        <span>助餐点：{s.siteName}</span>
        <span>运营方：{s.operator}</span>
      </div>
      <div className="pf-unit-line">
        <span>
          乡镇（街道）：{s.townshipName}
          <span className="pf-gap" />
          村（居）：{s.villageName}
        </span>
        <span>结算月份：{monthTitle(s.month)}</span>
      </div>
      {/* lockedAt is a UTC moment: the paper shows the local day. */}
      <div className="ms-status">{s.locked ? `本月已结算锁定（${chineseDate(s.lockedAt ? dayjs(s.lockedAt).format('YYYY-MM-DD') : null)}）` : '本月尚未锁定，仅供核对'}</div>
      <table className="pf-table ms-list">
        <colgroup>
          <col style={{ width: '5%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '20%' }} />
          <col style={{ width: '15%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '11%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '11%' }} />
          {delivery && <col style={{ width: '10%' }} />}
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>姓名</th>
            <th>身份证号</th>
            <th>类别</th>
            <th>就餐人次</th>
            <th>
              补贴标准
              <br />
              （元/餐）
            </th>
            <th>
              补贴金额
              <br />
              （元）
            </th>
            <th>
              个人支付合计
              <br />
              （元）
            </th>
            {delivery && <th>
              送餐费
              <br />
              （元）
            </th>}
          </tr>
        </thead>
        <tbody>
          {inCategoryOrder(s.persons).map((p, i) => (
            <tr key={p.dinerId}>
              <td className="ms-center">{i + 1}</td>
              <td>{p.name}</td>
              <td className="pf-id">{p.idNumberMasked}</td>
              <td>{category(p.category)}</td>
              <td className="ms-num">{p.meals}</td>
              <td className="ms-num">{rates.get(p.dinerId) ?? ''}</td>
              <td className="ms-num">{yuan(p.subsidyFen)}</td>
              <td className="ms-num">{yuan(p.paidFen)}</td>
              {delivery && <td className="ms-num">{yuan(p.deliveryFeeFen)}</td>}
            </tr>
          ))}
          <tr className="ms-total">
            <td colSpan={4} className="ms-center">
              合计（{s.total.persons}人）
            </td>
            <td className="ms-num">{s.total.meals}</td>
            <td />
            <td className="ms-num">{yuan(s.total.subsidyFen)}</td>
            <td className="ms-num">{yuan(s.total.paidFen)}</td>
            {delivery && <td className="ms-num">{yuan(s.total.deliveryFeeFen)}</td>}
          </tr>
        </tbody>
      </table>
      <div className="ms-section">分类小计</div>
      <table className="pf-table ms-list">
        <thead>
          <tr>
            <th>类别</th>
            <th>人数</th>
            <th>人次</th>
            <th>补贴金额（元）</th>
            <th>个人支付（元）</th>
            {delivery && <th>送餐费（元）</th>}
          </tr>
        </thead>
        <tbody>
          {s.categories.map((g) => (
            <tr key={g.category}>
              <td>{category(g.category)}</td>
              <td className="ms-num">{g.persons}</td>
              <td className="ms-num">{g.meals}</td>
              <td className="ms-num">{yuan(g.subsidyFen)}</td>
              <td className="ms-num">{yuan(g.paidFen)}</td>
              {delivery && <td className="ms-num">{yuan(g.deliveryFeeFen)}</td>}
            </tr>
          ))}
          <tr className="ms-total">
            <td>合计</td>
            <td className="ms-num">{s.total.persons}</td>
            <td className="ms-num">{s.total.meals}</td>
            <td className="ms-num">{yuan(s.total.subsidyFen)}</td>
            <td className="ms-num">{yuan(s.total.paidFen)}</td>
            {delivery && <td className="ms-num">{yuan(s.total.deliveryFeeFen)}</td>}
          </tr>
        </tbody>
      </table>
      <div className="ms-note">
        注：金额单位为元。补贴按每餐就餐当日的标准计算；分类小计按每餐的补贴类别统计，当月类别有变化的老人在名单中按其多数餐次的类别列示。申报补贴金额合计：
        <Blank width="30mm">{yuan(s.total.subsidyFen)}</Blank>元。
      </div>
      <SignOff />
    </section>
  );
}
