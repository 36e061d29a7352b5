import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState, type ReactNode } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import { createQueryClient } from '../api';
import { PrintRoutes } from '../features/print/PrintRoutes';
import { AppShell } from './AppShell';
import { StationGate } from './StationGate';
import { theme } from './theme';
import './styles.css';

dayjs.locale('zh-cn');

/**
 * Providers every screen relies on; tests mount the same ones around a single page, each test with
 * a client of its own so no cached answer leaks from one test into the next.
 */
export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      {/* No space inserted between two-character labels (保 存): buttons read and match exactly as written. */}
      <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

// Hash routes: the app is loaded from app:// in Electron and from / on the web host; neither serves deep paths.
export function App() {
  // One cache for the window's life: StrictMode's second render must not start another.
  const [queryClient] = useState(createQueryClient);
  return (
    <Providers queryClient={queryClient}>
      <HashRouter>
        <StationGate>
          {(station) => (
            // Print pages render outside the shell: no menu or header may reach the paper.
            <Routes>
              <Route path="/print/*" element={<PrintRoutes station={station} />} />
              <Route path="*" element={<AppShell station={station} />} />
            </Routes>
          )}
        </StationGate>
      </HashRouter>
    </Providers>
  );
}
