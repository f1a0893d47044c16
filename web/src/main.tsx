/**
 * The entry: React, the global CSS and the login shell (a few KB, in this chunk so that a visit
 * to /login needs no second round trip). Every other page loads the app: antd, the router, the
 * query cache and the shared domain.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { mountLogin } from './features/auth/login/standalone';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);

if (window.location.pathname === '/login') {
  mountLogin({ render });
} else {
  void import('./AppRoot').then(({ AppRoot }) => render(<AppRoot />));
}
