import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  NodeIndexOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { Me } from '../lib/types';
import { hasRole, isAdmin } from '../lib/roles';

export interface NavItem {
  path: string;
  label: string;
  icon?: ReactNode;
  /** sub-items (the parent is a group that only opens) */
  children?: NavItem[];
}

/** Areas appear here when they are built (收文, 会议, 督办 come with their issues): no entry leads nowhere. */
const WORKFLOW_NAV: NavItem[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined /> },
  {
    path: 'group:/activities',
    label: '领导活动',
    icon: <CalendarOutlined />,
    children: [
      { path: '/activities', label: '活动列表' },
      { path: '/activities/calendar', label: '领导日程' },
      { path: '/activities/week', label: '周活动安排表' },
    ],
  },
  { path: '/matters', label: '协调事项', icon: <NodeIndexOutlined /> },
  { path: '/outgoing', label: '发文', icon: <FileTextOutlined /> },
  { path: '/checks', label: '公文合规检查', icon: <FileSearchOutlined /> },
  { path: '/org', label: '组织机构', icon: <ApartmentOutlined /> },
];

/** What the menu shows: administrators (三员) administer only; workflow users never see 系统管理. */
export function navFor(me: Me): NavItem[] {
  if (!isAdmin(me)) return WORKFLOW_NAV;
  const items: NavItem[] = [
    { path: '/org', label: '组织机构', icon: <ApartmentOutlined /> },
    { path: '/admin', label: '系统管理', icon: <SettingOutlined /> },
  ];
  if (hasRole(me, 'auditor')) items.push({ path: '/admin/audit', label: '审计日志', icon: <AuditOutlined /> });
  return items;
}

/** The menu key a location belongs to (the longest matching nav path). */
export function selectedKey(pathname: string, items: NavItem[]): string {
  let best = '';
  for (const it of items.flatMap((i) => i.children ?? [i])) {
    if (!it.path.startsWith('/')) continue;
    const hit = it.path === '/' ? pathname === '/' : pathname === it.path || pathname.startsWith(`${it.path}/`);
    if (hit && it.path.length > best.length) best = it.path;
  }
  return best;
}

/** The group a menu key belongs to (to open it). */
export function openGroup(key: string, items: NavItem[]): string | undefined {
  return items.find((i) => i.children?.some((c) => c.path === key))?.path;
}
