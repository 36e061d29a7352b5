/** /print/meals/signin/:siteId/:month — the month's signing sheet of a site (A4 landscape). */
import { useParams } from 'react-router';
import { useLedgerQuery } from '../../../api';
import { monthTitle } from '../../meals/months';
import { frameStateOf, PrintFrame } from '../PrintFrame';
import { SIGNIN_TITLE, SigninSheet } from './SigninSheet';
import './meals.css';

export function SigninPrintPage() {
  const { siteId = '', month = '' } = useParams<{ siteId: string; month: string }>();
  const site = useLedgerQuery('meals.sites.get', { id: siteId });
  const grid = useLedgerQuery('meals.attendance.month', { siteId, month });
  const status = frameStateOf(site, grid);
  const ready = status.state === 'ready' && site.data && grid.data;
  return (
    <PrintFrame
      title={SIGNIN_TITLE}
      fileName={site.data ? `${SIGNIN_TITLE}-${site.data.name}-${monthTitle(month)}` : SIGNIN_TITLE}
      back={`/meals/sites/${siteId}?tab=settlement`}
      status={status}
      info={site.data && `${site.data.name} ${monthTitle(month)}`}
      empty={ready && grid.data.diners.length === 0 ? '本月没有登记就餐的人员，请先在“就餐人员”中登记' : undefined}
    >
      {ready && <SigninSheet grid={grid.data} site={site.data} />}
    </PrintFrame>
  );
}
