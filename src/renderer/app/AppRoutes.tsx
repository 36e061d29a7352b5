import { Navigate, Route, Routes } from 'react-router';
import { ChildDetailPage } from '../features/children/detail/ChildDetailPage';
import { ChildFormPage } from '../features/children/form/ChildFormPage';
import { ChildListPage } from '../features/children/list/ChildListPage';
import { ConflictsPage } from '../features/sync/conflicts/ConflictsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { NotFound } from './NotFound';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/children" replace />} />
      <Route path="/children" element={<ChildListPage />} />
      <Route path="/children/new" element={<ChildFormPage />} />
      <Route path="/children/:id" element={<ChildDetailPage />} />
      <Route path="/children/:id/edit" element={<ChildFormPage />} />
      <Route path="/sync" element={<SyncPage />} />
      <Route path="/sync/conflicts" element={<ConflictsPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
