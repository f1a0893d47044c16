/**
 * The entry: React and the global CSS only. A visit that starts at /login loads the small login
 * shell; every other page loads the app (antd, the router, the query cache, the shared domain).
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);

if (window.location.pathname === '/login') {
  void import('./features/auth/login/standalone').then(({ mountLogin }) => mountLogin({ render }));
} else {
  void import('./AppRoot').then(({ AppRoot }) => render(<AppRoot />));
}
