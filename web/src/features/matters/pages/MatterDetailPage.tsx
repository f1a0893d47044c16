import { Card, Descriptions, Skeleton, Tabs, Tag, Tooltip, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { lifecycleOf } from '@xietiao/domain/lifecycles/index';
import { Attachments } from '../../../components/Attachments';
import { ChineseDate } from '../../../components/ChineseDate';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { StatusTag } from '../../../components/StatusTag';
import { useMe } from '../../../lib/auth';
import { allows } from '../../../lib/actions';
import { useMatter, useMatterMutations } from '../api';
import { AccessTab } from '../components/AccessTab';
import { ConsultationsTab } from '../components/ConsultationsTab';
import { EventButtons } from '../components/EventButtons';
import { HistoryTab, historyNames } from '../components/HistoryTab';
import { InstructionsTab } from '../components/InstructionsTab';
import { LinksTab } from '../components/LinksTab';
import { TasksTab } from '../components/TasksTab';
import { KIND_LABELS, PRIORITY_COLORS, PRIORITY_LABELS } from '../labels';

function count(n: number) {
  return n > 0 ? `（${n}）` : '';
}

export function MatterDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const q = useMatter(id);
  const mutations = useMatterMutations(id);
  const [params, setParams] = useSearchParams();
  const TABS = ['tasks', 'consultations', 'instructions', 'attachments', 'links', 'access', 'history'];
  const tab = TABS.includes(params.get('tab') ?? '') ? params.get('tab')! : 'tasks';
  const listCrumb = { title: '协调事项', to: '/matters' };

  if (q.isPending) {
    return (
      <>
        <PageHeader title="协调事项" breadcrumb={[listCrumb, { title: '详情' }]} />
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </>
    );
  }
  if (q.isError) {
    return (
      <>
        <PageHeader title="协调事项" breadcrumb={[listCrumb, { title: '详情' }]} />
        <Card>
          <QueryError error={q.error} onRetry={() => q.refetch()} />
        </Card>
      </>
    );
  }

  const m = q.data;
  // 领导活动 have their own page (proposal, approval, confirmations …)
  if (m.kind === 'activity') return <Navigate to={`/activities/${m.id}`} replace />;
  const lc = lifecycleOf(m.kind);
  const terminal = !!lc?.states[m.status]?.terminal;
  const openTasks = m.tasks.filter((t) => t.status === 'open').length;
  const openConsult = m.consultations.filter((c) => c.status === 'open').length;

  return (
    <>
      <PageHeader
        breadcrumb={[listCrumb, { title: m.title }]}
        title={m.title}
        tags={
          <>
            <StatusTag status={m.status} label={m.statusLabel} />
            {m.priority !== 'normal' && <Tag color={PRIORITY_COLORS[m.priority]}>{PRIORITY_LABELS[m.priority]}</Tag>}
            {m.restricted && (
              <Tooltip title="限定知悉范围">
                <Tag icon={<LockOutlined />}>限定知悉范围</Tag>
              </Tooltip>
            )}
          </>
        }
        extra={<EventButtons matter={m} mutations={mutations} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          className="xt-meta"
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'kind', label: '事项类型', children: m.kindLabel || KIND_LABELS[m.kind] || m.kind },
            { key: 'dept', label: '牵头部门', children: m.departmentName ?? '—' },
            { key: 'owner', label: '负责人', children: m.ownerName ?? '—' },
            { key: 'due', label: '办理期限', children: <ChineseDate value={m.dueDate} showLeft={!terminal} /> },
            { key: 'created', label: '登记时间', children: <ChineseDate value={m.createdAt} time /> },
            { key: 'updated', label: '最后更新', children: <ChineseDate value={m.updatedAt} time /> },
            ...(m.description
              ? [
                  {
                    key: 'desc',
                    label: '事项说明',
                    span: 'filled' as const,
                    children: (
                      <Typography.Paragraph className="xt-pre" style={{ margin: 0 }}>
                        {m.description}
                      </Typography.Paragraph>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            {
              key: 'tasks',
              label: `任务${count(openTasks)}`,
              children: <TasksTab matter={m} mutations={mutations} canManage={allows(m, 'addTask')} />,
            },
            {
              key: 'consultations',
              label: `征求意见${count(openConsult)}`,
              children: <ConsultationsTab matter={m} me={me} mutations={mutations} canManage={allows(m, 'consult')} />,
            },
            {
              key: 'instructions',
              label: `领导批示${count(m.instructions.length)}`,
              children: <InstructionsTab matter={m} mutations={mutations} canInstruct={allows(m, 'instruct') && !terminal} />,
            },
            {
              key: 'attachments',
              label: `附件${count(m.attachments.length)}`,
              children: <Attachments matterId={m.id} items={m.attachments} closed={terminal} canUpload={allows(m, 'attach')} />,
            },
            { key: 'links', label: `关联事项${count(m.links.length)}`, children: <LinksTab matter={m} mutations={mutations} canEdit={allows(m, 'link')} /> },
            { key: 'access', label: '知悉范围', children: <AccessTab matter={m} mutations={mutations} canShare={allows(m, 'share')} /> },
            { key: 'history', label: '办理记录', children: <HistoryTab history={m.history} kind={m.kind} names={historyNames(m)} /> },
          ]}
        />
      </Card>
    </>
  );
}
