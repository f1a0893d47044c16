import { Card, Descriptions, Skeleton, Tabs, Tag } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { URGENCY_LABELS } from '@xietiao/domain';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { StatusTag } from '../../../components/StatusTag';
import { fmtDate } from '../../../lib/format';
import { useOutgoing } from '../api';
import { DraftPanel } from '../components/DraftPanel';
import { InstructionsPanel } from '../components/InstructionsPanel';
import { IntentPanel } from '../components/IntentPanel';
import { VersionsPanel } from '../components/VersionsPanel';
import '../outgoing.css';

/** One 发文: 交代, 统一意图, 拟稿 (with the checker beside the fields), 版本. */
export function OutgoingDetailPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const q = useOutgoing(id);
  const tab = params.get('tab') ?? 'instructions';
  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Skeleton active />;
  const d = q.data;
  return (
    <>
      <PageHeader
        title={d.title}
        documentTitle={`发文：${d.title}`}
        breadcrumb={[{ title: '发文', to: '/outgoing' }, { title: d.title }]}
        tags={
          <>
            <StatusTag status={d.status} label={d.statusLabel} />
            {d.urgency !== 'none' && <Tag color="red">{URGENCY_LABELS[d.urgency]}</Tag>}
          </>
        }
      />
      <Card className="xt-out-card">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'type', label: '拟用文种', children: d.docType },
            { key: 'dept', label: '起草部门', children: d.draftingDepartment.name },
            { key: 'leaders', label: '交代领导', children: d.leaders.map((l) => l.name).join('、') },
            { key: 'created', label: '新建', children: `${d.createdByName} ${fmtDate(d.createdAt)}` },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          tabBarGutter={16}
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            { key: 'instructions', label: `领导交代（${d.instructions.length}）`, children: <InstructionsPanel d={d} /> },
            { key: 'intent', label: '统一意图', children: <IntentPanel d={d} /> },
            { key: 'draft', label: '拟稿', children: <DraftPanel d={d} /> },
            { key: 'versions', label: `版本（${d.draftVersions.length}）`, children: <VersionsPanel d={d} /> },
          ]}
        />
      </Card>
    </>
  );
}
