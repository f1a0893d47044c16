import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AuthProvider, useAuth } from './lib/auth';
import { queryClient } from './lib/http';
import { isAdmin } from './lib/roles';
import { AppLayout } from './components/AppLayout';
import { RouteError } from './components/RouteError';
import { theme } from './theme';

function page<T extends Record<string, unknown>>(loader: () => Promise<T>, name: keyof T): ComponentType {
  return lazy(async () => ({ default: (await loader())[name] as ComponentType }));
}

const LoginPage = page(() => import('./features/auth/pages/LoginPage'), 'LoginPage');
const ChangePasswordPage = page(() => import('./features/auth/pages/ChangePasswordPage'), 'ChangePasswordPage');
const WorkbenchPage = page(() => import('./features/inbox/pages/WorkbenchPage'), 'WorkbenchPage');
const MatterListPage = page(() => import('./features/matters/pages/MatterListPage'), 'MatterListPage');
const MatterDetailPage = page(() => import('./features/matters/pages/MatterDetailPage'), 'MatterDetailPage');
const OrgPage = page(() => import('./features/org/pages/OrgPage'), 'OrgPage');
const AdminPage = page(() => import('./features/admin/pages/AdminPage'), 'AdminPage');
const ChecksPage = page(() => import('./features/checks/pages/ChecksPage'), 'ChecksPage');
const ActivityListPage = page(() => import('./features/activities/pages/ActivityListPage'), 'ActivityListPage');
const ActivityFormPage = page(() => import('./features/activities/pages/ActivityFormPage'), 'ActivityFormPage');
const ActivityDetailPage = page(() => import('./features/activities/pages/ActivityDetailPage'), 'ActivityDetailPage');
const SchedulePage = page(() => import('./features/activities/pages/SchedulePage'), 'SchedulePage');
const WeekTablePage = page(() => import('./features/activities/pages/WeekTablePage'), 'WeekTablePage');
const OutgoingListPage = page(() => import('./features/outgoing/pages/OutgoingListPage'), 'OutgoingListPage');
const OutgoingDetailPage = page(() => import('./features/outgoing/pages/OutgoingDetailPage'), 'OutgoingDetailPage');

function Loading() {
  return (
    <div className="xt-center" style={{ padding: 64 }}>
      <Spin />
    </div>
  );
}
function s(node: ReactNode) {
  return <Suspense fallback={<Loading />}>{node}</Suspense>;
}

/** 工作台 for workflow users; administrators land on 系统管理. */
function Home() {
  const { me } = useAuth();
  if (me && isAdmin(me)) return <Navigate to="/admin" replace />;
  return s(<WorkbenchPage />);
}

const router = createBrowserRouter([
  { path: '/login', element: s(<LoginPage />), errorElement: <RouteError /> },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      { path: 'password', element: s(<ChangePasswordPage />) },
      { path: 'matters', element: s(<MatterListPage />) },
      { path: 'matters/:id', element: s(<MatterDetailPage />) },
      { path: 'org', element: s(<OrgPage />) },
      { path: 'admin', element: s(<AdminPage />) },
      { path: 'admin/:tab', element: s(<AdminPage />) },
      { path: 'activities', element: s(<ActivityListPage />) },
      { path: 'activities/new', element: s(<ActivityFormPage />) },
      { path: 'activities/calendar', element: s(<SchedulePage />) },
      { path: 'activities/week', element: s(<WeekTablePage />) },
      { path: 'activities/:id', element: s(<ActivityDetailPage />) },
      { path: 'outgoing', element: s(<OutgoingListPage />) },
      { path: 'outgoing/:id', element: s(<OutgoingDetailPage />) },
      { path: 'checks', element: s(<ChecksPage />) },
      { path: '*', element: <RouteError notFound /> },
    ],
  },
]);

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
