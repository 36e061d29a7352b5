/** Everything under /print: A4 forms, rendered outside the app shell so no menu reaches the paper. */
import { Route, Routes } from 'react-router';
import type { StationInfo } from '../../../shared/contract';
import { BatchVisitFormsPage } from './BatchVisitFormsPage';
import { ChildRegistrationPage } from './ChildRegistrationPage';
import { SettlementPrintPage } from './meals/SettlementPrintPage';
import { SigninPrintPage } from './meals/SigninPrintPage';
import { PrintFrame } from './PrintFrame';
import { VisitFormPage } from './VisitFormPage';
import { VisitRecordPage } from './VisitRecordPage';

export function PrintRoutes({ station }: { station: StationInfo }) {
  const stationName = station.name ?? '';
  return (
    <Routes>
      <Route path="visit-form/:kind/:id" element={<VisitFormPage stationName={stationName} />} />
      <Route path="visit/:visitId" element={<VisitRecordPage stationName={stationName} />} />
      <Route path="child/:id" element={<ChildRegistrationPage stationName={stationName} />} />
      <Route path="batch/:which" element={<BatchVisitFormsPage stationName={stationName} />} />
      <Route path="meals/settlement/:siteId/:month" element={<SettlementPrintPage />} />
      <Route path="meals/signin/:siteId/:month" element={<SigninPrintPage />} />
      <Route path="*" element={<PrintFrame title="打印" fileName="打印" back="/" status={{ state: 'error', message: '没有这个打印页面' }} />} />
    </Routes>
  );
}
