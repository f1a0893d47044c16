import type { TablePaginationConfig } from 'antd';

/** Paging of a server-side list (`{items,total,page,pageSize}`), the same on every page. */
export function serverPagination(
  page: number,
  pageSize: number,
  total: number | undefined,
  onPage: (page: number) => void,
  opts: { unit?: string; small?: boolean } = {},
): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total: total ?? 0,
    onChange: onPage,
    showSizeChanger: false,
    hideOnSinglePage: true,
    showTotal: (t) => `共 ${t} ${opts.unit ?? '项'}`,
    ...(opts.small ? { size: 'small' as const } : {}),
  };
}
