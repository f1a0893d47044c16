import { useEffect, useRef, type ReactNode } from 'react';
import { Breadcrumb, Space, Typography } from 'antd';
import { Link, useLocation, useNavigationType } from 'react-router';
import { headingTakesFocus, usePageTitle, type RouteSeen } from '../lib/title';

interface Props {
  title: ReactNode;
  /** the tab title's page name when `title` is not plain text (default: `title` when it is a string) */
  documentTitle?: string;
  subTitle?: ReactNode;
  tags?: ReactNode;
  extra?: ReactNode;
  breadcrumb?: { title: string; to?: string }[];
}

/** The location the last page heading was shown for (there is one heading on screen at a time). */
let lastSeen: RouteSeen | undefined;

/** The heading of a page: optional breadcrumb, title (h1) with tags, actions on the right. It also names the browser tab and takes the focus after a route change. */
export function PageHeader({ title, documentTitle, subTitle, tags, extra, breadcrumb }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const navigationType = useNavigationType();
  usePageTitle(documentTitle ?? (typeof title === 'string' ? title : undefined));

  // biome-ignore lint/correctness/useExhaustiveDependencies: the location's key is the trigger; the pathname and type belong to it
  useEffect(() => {
    const next = { key: location.key, pathname: location.pathname };
    const focus = headingTakesFocus(lastSeen, next, navigationType);
    lastSeen = next;
    if (focus) heading.current?.focus();
  }, [location.key]);

  return (
    <div className="xt-page-header">
      {breadcrumb && breadcrumb.length > 0 && (
        <Breadcrumb className="xt-breadcrumb" items={breadcrumb.map((b) => ({ title: b.to ? <Link to={b.to}>{b.title}</Link> : b.title }))} />
      )}
      <div className="xt-page-header-row">
        <div className="xt-page-header-main">
          <Space size={8} wrap align="center">
            <Typography.Title level={1} className="xt-page-title" ref={heading} tabIndex={-1}>
              {title}
            </Typography.Title>
            {tags}
          </Space>
          {subTitle && <div className="xt-page-subtitle">{subTitle}</div>}
        </div>
        {extra && <div className="xt-page-header-extra">{extra}</div>}
      </div>
    </div>
  );
}
