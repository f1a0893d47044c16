import type { ReactNode } from 'react';
import { Breadcrumb, Space, Typography } from 'antd';
import { Link } from 'react-router';

interface Props {
  title: ReactNode;
  subTitle?: ReactNode;
  tags?: ReactNode;
  extra?: ReactNode;
  breadcrumb?: { title: string; to?: string }[];
}

/** The heading of a page: optional breadcrumb, title (h1) with tags, actions on the right. */
export function PageHeader({ title, subTitle, tags, extra, breadcrumb }: Props) {
  return (
    <div className="xt-page-header">
      {breadcrumb && breadcrumb.length > 0 && (
        <Breadcrumb className="xt-breadcrumb" items={breadcrumb.map((b) => ({ title: b.to ? <Link to={b.to}>{b.title}</Link> : b.title }))} />
      )}
      <div className="xt-page-header-row">
        <div className="xt-page-header-main">
          <Space size={8} wrap align="center">
            <Typography.Title level={1} className="xt-page-title">
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
