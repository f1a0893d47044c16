import type { TablePaginationConfig } from 'antd';

/** Paging of a server-side list (`{items,total,page,pageSize}`), the same on every page. */
export function serverPagination(
  page: number,
  pageSize: number,
  total: number | undefined,
  onPage: (page: number) => void,
  opts: { unit?: string; small?: boolean; capped?: boolean } = {},
): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total: total ?? 0,
    onChange: onPage,
    showSizeChanger: false,
    hideOnSinglePage: true,
    // a history list counted up to its cap: "200+" (the next pages stay reachable)
    showTotal: (t) => `共 ${t}${opts.capped ? '+' : ''} ${opts.unit ?? '项'}`,
    ...(opts.small ? { size: 'small' as const } : {}),
  };
}
