// Routes: /login outside, everything else inside the signed-in layout.
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireSession } from '../features/auth/RequireSession';
import { AppLayout } from './AppLayout';
import { HomeRedirect } from './HomeRedirect';
import { NotFoundPage } from './NotFoundPage';
import {
  AuditLogPage,
  CampaignsPage,
  DataPage,
  KpisPage,
  MatrixPage,
  OverlapsPage,
  SegmentsPage,
  SettingsPage,
} from './pages';

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route index element={<HomeRedirect />} />
          <Route path="segments/*" element={<SegmentsPage />} />
          <Route path="overlaps/*" element={<OverlapsPage />} />
          <Route path="campaigns/*" element={<CampaignsPage />} />
          <Route path="matrix/*" element={<MatrixPage />} />
          <Route path="kpis/*" element={<KpisPage />} />
          <Route path="data" element={<DataPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="settings/audit" element={<AuditLogPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
