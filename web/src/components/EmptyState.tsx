import type { ReactNode } from 'react';
import { Empty } from 'antd';

/** The one empty state: a quiet picture and a short Chinese sentence. */
export function EmptyState({ description = '暂无数据', children }: { description?: ReactNode; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} className="xt-empty">
      {children}
    </Empty>
  );
}
