import { useState } from 'react';
import { Badge, Button, Popover, Spin, Typography, App } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useInboxCounts, useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from '../features/inbox/api';
import { errorMessage } from '../lib/http';
import { fmtDateTime } from '../lib/format';
import type { Notification } from '../lib/types';
import { EmptyState } from './EmptyState';

/** The bell in the brand bar: unread count (polled every 30 s) and the latest notifications. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const counts = useInboxCounts();
  const list = useNotifications(1, open);
  const markOne = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const unread = counts.data?.unreadNotifications ?? 0;

  const onItem = async (n: Notification) => {
    if (!n.readAt) markOne.mutate(n.id);
    if (n.matterId) {
      setOpen(false);
      navigate(`/matters/${n.matterId}`);
    }
  };

  const content = (
    <div className="xt-notify-panel">
      <div className="xt-notify-head">
        <Typography.Text strong>通知</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined, { onError: (e) => message.error(errorMessage(e)) })}
        >
          全部标为已读
        </Button>
      </div>
      {list.isPending ? (
        <div className="xt-center">
          <Spin />
        </div>
      ) : list.isError ? (
        <Typography.Text type="danger">{errorMessage(list.error)}</Typography.Text>
      ) : list.data.items.length === 0 ? (
        <EmptyState description="暂无通知" />
      ) : (
        <ul className="xt-notify-list">
          {list.data.items.map((n) => (
            <li key={n.id} className={n.readAt ? 'is-read' : 'is-unread'}>
              <button type="button" onClick={() => onItem(n)}>
                <span className="xt-notify-title">
                  {!n.readAt && <Badge status="error" />} {n.title}
                </span>
                {n.body && <span className="xt-notify-body">{n.body}</span>}
                <span className="xt-notify-time">{fmtDateTime(n.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.data && list.data.total > list.data.items.length && (
        <div className="xt-notify-foot">
          <Typography.Text type="secondary">
            共 {list.data.total}
            {list.data.totalCapped ? '+' : ''} 条，显示最新 {list.data.items.length} 条
          </Typography.Text>
        </div>
      )}
    </div>
  );

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight" arrow={false} rootClassName="xt-notify-popover">
      <Badge count={unread} size="small" offset={[-4, 4]} overflowCount={99}>
        <Button type="text" className="xt-bar-btn" icon={<BellOutlined />} aria-label={`通知，${unread}条未读`} />
      </Badge>
    </Popover>
  );
}
