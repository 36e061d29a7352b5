import { Route, Routes } from 'react-router';
import { ChildDetailPage } from '../features/children/detail/ChildDetailPage';
import { ChildFormPage } from '../features/children/form/ChildFormPage';
import { ChildListPage } from '../features/children/list/ChildListPage';
import { DrowningPage } from '../features/drowning/DrowningPage';
import { ElderDetailPage } from '../features/elders/detail/ElderDetailPage';
import { ElderFormPage } from '../features/elders/form/ElderFormPage';
import { ElderListPage } from '../features/elders/list/ElderListPage';
import { MealsPage } from '../features/meals/MealsPage';
import { SiteDetailPage } from '../features/meals/sites/SiteDetailPage';
import { SiteFormPage } from '../features/meals/sites/SiteFormPage';
import { RulesPage } from '../features/rules/RulesPage';
import { ConflictsPage } from '../features/sync/conflicts/ConflictsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { VisitListPage } from '../features/visits/list/VisitListPage';
import { WomanDetailPage } from '../features/women/detail/WomanDetailPage';
import { WomanFormPage } from '../features/women/form/WomanFormPage';
import { WomanListPage } from '../features/women/list/WomanListPage';
import { WorkbenchPage } from '../features/workbench/WorkbenchPage';
import { NotFound } from './NotFound';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<WorkbenchPage />} />
      <Route path="/children" element={<ChildListPage />} />
      <Route path="/children/new" element={<ChildFormPage />} />
      <Route path="/children/:id" element={<ChildDetailPage />} />
      <Route path="/children/:id/edit" element={<ChildFormPage />} />
      <Route path="/elders" element={<ElderListPage />} />
      <Route path="/elders/new" element={<ElderFormPage />} />
      <Route path="/elders/:id" element={<ElderDetailPage />} />
      <Route path="/elders/:id/edit" element={<ElderFormPage />} />
      <Route path="/women" element={<WomanListPage />} />
      <Route path="/women/new" element={<WomanFormPage />} />
      <Route path="/women/:id" element={<WomanDetailPage />} />
      <Route path="/women/:id/edit" element={<WomanFormPage />} />
      <Route path="/visits" element={<VisitListPage />} />
      <Route path="/meals" element={<MealsPage />} />
      <Route path="/meals/sites/new" element={<SiteFormPage />} />
      <Route path="/meals/sites/:id" element={<SiteDetailPage />} />
      <Route path="/meals/sites/:id/edit" element={<SiteFormPage />} />
      <Route path="/drowning" element={<DrowningPage />} />
      <Route path="/sync" element={<SyncPage />} />
      <Route path="/sync/conflicts" element={<ConflictsPage />} />
      <Route path="/settings/rules" element={<RulesPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
