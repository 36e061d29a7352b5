/** /print/meals/settlement/:siteId/:month — the month's settlement of a site, for signatures. */
import { useParams } from 'react-router';
import { useLedgerQuery } from '../../../api';
import { monthTitle } from '../../meals/months';
import { frameStateOf, PrintFrame } from '../PrintFrame';
import { SETTLEMENT_TITLE, SettlementSheet } from './SettlementSheet';
import { subsidyRates } from './subsidyRates';
import './meals.css';

export function SettlementPrintPage() {
  const { siteId = '', month = '' } = useParams<{ siteId: string; month: string }>();
  const settlement = useLedgerQuery('meals.settlement.get', { siteId, month });
  // The meals themselves give each elder's 补贴标准 as paid.
  const grid = useLedgerQuery('meals.attendance.month', { siteId, month });
  const status = frameStateOf(settlement, grid);
  const ready = status.state === 'ready' && settlement.data && grid.data;
  return (
    <PrintFrame
      title={SETTLEMENT_TITLE}
      fileName={settlement.data ? `${SETTLEMENT_TITLE}-${settlement.data.siteName}-${monthTitle(month)}` : SETTLEMENT_TITLE}
      back={`/meals/sites/${siteId}?tab=settlement`}
      status={status}
      info={settlement.data && `${settlement.data.siteName} ${monthTitle(month)}`}
    >
      {ready && <SettlementSheet settlement={settlement.data} rates={subsidyRates(grid.data.ticks)} />}
    </PrintFrame>
  );
}
