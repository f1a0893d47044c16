import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { App, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Spin, Tag, Typography, type MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../lib/auth';
import { isAdmin, roleLabel } from '../lib/roles';
import { NotificationBell } from './NotificationBell';
import { navFor, openGroup, selectedKey, type NavItem } from './nav';
import { QueryError } from './QueryError';

const { Header, Sider, Content } = Layout;

function Brand({ compact }: { compact: boolean }) {
  return (
    <div className="xt-brand">
      <span className="xt-brand-mark" aria-hidden>
        协
      </span>
      <span className="xt-brand-text">{compact ? '协调' : '协调 · 办公室协同工作系统'}</span>
    </div>
  );
}

/** The skip link's target: focus the main content (without adding #main to the address). */
function skipToMain(e: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main');
  if (!main) return;
  e.preventDefault();
  main.focus();
}

/** The authenticated shell: a skip link, brand bar, navigation (a drawer on narrow screens), content (`<main id="main">`). */
export function AppLayout() {
  const { me, loading, error, logout, refresh } = useAuth();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  // closed by a route change, the drawer leaves the focus on the new page's heading (PageHeader)
  // instead of handing it back to the menu button
  const [leftByRoute, setLeftByRoute] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();

  // close the phone drawer whenever the route changes
  // biome-ignore lint/correctness/useExhaustiveDependencies: the pathname is the trigger, not a value read
  useEffect(() => {
    setDrawerOpen(false);
    setLeftByRoute(true);
  }, [location.pathname]);
  const openDrawer = () => {
    setLeftByRoute(false);
    setDrawerOpen(true);
  };

  if (loading) {
    return (
      <div className="xt-fullscreen-center">
        <Spin size="large" />
      </div>
    );
  }
  if (error && !me) {
    return (
      <div className="xt-fullscreen-center" style={{ padding: 24 }}>
        <QueryError error={error} onRetry={() => void refresh()} />
      </div>
    );
  }
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  }
  const mustChange = me.mustChangePassword;
  if (mustChange && location.pathname !== '/password') return <Navigate to="/password" replace />;

  // 三员 administer only: workflow pages are not theirs.
  if (isAdmin(me) && !/^\/(org|admin|password)(\/|$)/.test(location.pathname)) return <Navigate to="/admin" replace />;

  const items = navFor(me);
  const current = selectedKey(location.pathname, items);
  const group = openGroup(current, items);
  const toMenu = (it: NavItem): { key: string; icon?: ReactNode; label: string; children?: unknown[] } => ({
    key: it.path,
    icon: it.icon,
    label: it.label,
    ...(it.children ? { children: it.children.map(toMenu) } : {}),
  });
  const menu = (
    <nav aria-label="功能导航">
      <Menu
        mode="inline"
        selectedKeys={current ? [current] : []}
        defaultOpenKeys={group ? [group] : []}
        items={items.map(toMenu) as MenuProps['items']}
        onClick={({ key }) => navigate(key)}
        className="xt-nav"
      />
    </nav>
  );

  const onLogout = async () => {
    await logout();
    message.success('已退出登录');
    navigate('/login', { replace: true });
  };

  const userMenu = {
    items: [
      {
        key: 'who',
        disabled: true,
        label: (
          <div className="xt-user-card">
            <div className="xt-user-card-name">{me.name}</div>
            <div className="xt-user-card-sub">{[me.departmentName, me.title].filter(Boolean).join(' · ') || me.username}</div>
            <div>
              {me.roles.map((r) => (
                <Tag key={r}>{roleLabel(r)}</Tag>
              ))}
            </div>
          </div>
        ),
      },
      { type: 'divider' as const },
      { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'password') navigate('/password');
      if (key === 'logout') void onLogout();
    },
  };

  return (
    <Layout className="xt-shell">
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is an in-page link; the handler only keeps #main out of the address */}
      <a className="xt-skip-link" href="#main" onClick={skipToMain}>
        跳到主要内容
      </a>
      <Header className="xt-bar">
        <Space size={4} align="center" className="xt-bar-left">
          {narrow && !mustChange && <Button type="text" className="xt-bar-btn" icon={<MenuOutlined />} aria-label="打开菜单" onClick={openDrawer} />}
          <Brand compact={narrow} />
        </Space>
        <Space size={narrow ? 2 : 8} align="center" className="xt-bar-right">
          {!mustChange && <NotificationBell />}
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            {/* named by what it shows (the name, the roles), so that speech input can say it; "用户菜单" is read after it */}
            <Button type="text" className="xt-bar-btn xt-user-btn">
              <UserOutlined aria-hidden />
              <span className="xt-user-name">{me.name}</span>
              {!narrow && <span className="xt-user-roles">{me.roles.map(roleLabel).join('、')}</span>}
              <span className="xt-sr-only">（用户菜单）</span>
              <DownOutlined aria-hidden style={{ fontSize: 10 }} />
            </Button>
          </Dropdown>
        </Space>
      </Header>
      <Layout>
        {!narrow && !mustChange && (
          <Sider width={208} theme="light" className="xt-sider" breakpoint="lg" collapsible collapsedWidth={64} trigger={null} collapsed={!screens.lg}>
            {menu}
          </Sider>
        )}
        {narrow && !mustChange && (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            focusable={{ focusTriggerAfterClose: !leftByRoute }}
            placement="left"
            size={248}
            title={<Typography.Text strong>功能导航</Typography.Text>}
            styles={{ body: { padding: 0 } }}
            className="xt-nav-drawer"
          >
            {menu}
          </Drawer>
        )}
        <Content className="xt-content" id="main" tabIndex={-1}>
          <div className="xt-content-inner">
            <Outlet />
          </div>
        </Content>
      </Layout>
    </Layout>
  );
}
