import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Row, Skeleton, Tabs, Typography } from 'antd';
import { EditOutlined, EnvironmentOutlined, ClockCircleOutlined, BankOutlined, RedoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { Attachments } from '../../../components/Attachments';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useMe } from '../../../lib/auth';
import { allows } from '../../../lib/actions';
import { useMatterMutations } from '../../matters/api';
import { ConsultationsTab } from '../../matters/components/ConsultationsTab';
import { InstructionsTab } from '../../matters/components/InstructionsTab';
import { activityKeys, useActivity, useActivityMutations } from '../api';
import { ActivityEventButtons, ApprovalForm, EditModal, ProposalForm, ReopenModal } from '../components/actions';
import { ActivityHistory } from '../components/ActivityHistory';
import { ActivityStatusTag } from '../components/ActivityStatusTag';
import { Assignments, BasicInfo, CandidatesTable, Reminders, RuleEvaluations } from '../components/sections';
import { useActivityError } from '../components/useActivityError';
import { fmtRange } from '../labels';
import '../activities.css';

const TERMINAL = new Set(['completed', 'declined', 'cancelled']);
function count(n: number) {
  return n > 0 ? `（${n}）` : '';
}

export function ActivityDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const q = useActivity(id);
  const mutations = useActivityMutations(id);
  const matterMutations = useMatterMutations(id);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const onError = useActivityError(mutations.refresh);
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [reopening, setReopening] = useState(false);
  const TABS = ['consultations', 'instructions', 'history'];
  const tab = TABS.includes(params.get('tab') ?? '') ? params.get('tab')! : 'consultations';
  const crumb = { title: '领导活动', to: '/activities' };

  // consultations and instructions go through the generic matter endpoints: refetch the activity after them
  useEffect(() => {
    return qc.getMutationCache().subscribe((e) => {
      if (e.type === 'updated' && e.action.type === 'success') void qc.invalidateQueries({ queryKey: activityKeys.detail(id) });
    });
  }, [qc, id]);

  if (q.isPending || q.isError) {
    return (
      <>
        <PageHeader title="活动详情" breadcrumb={[crumb, { title: '详情' }]} />
        <Card>{q.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : <QueryError error={q.error} onRetry={() => q.refetch()} />}</Card>
      </>
    );
  }

  const a = q.data;
  const x = a.activity;
  const terminal = TERMINAL.has(a.status);
  const openConsult = a.consultations.filter((c) => c.status === 'open').length;

  const confirm = async (leaderId: string) => {
    try {
      await mutations.confirm.mutateAsync(leaderId);
      message.success('已确认出席');
    } catch (e) {
      onError(e);
    }
  };
  const remind = async (state: 'reminded' | 'departed') => {
    try {
      await mutations.remind.mutateAsync(state);
      message.success(state === 'reminded' ? '已确认提醒' : '已确认出发');
    } catch (e) {
      onError(e);
    }
  };

  const actionCard = allows(a, 'approve') ? (
    <Card title="审批" className="xt-act-card xt-act-action" data-section="approval">
      <ApprovalForm a={a} mutations={mutations} />
    </Card>
  ) : allows(a, 'propose') ? (
    <Card title={a.status === 'recoordinating' ? '重新拟办' : '拟办'} className="xt-act-card xt-act-action" data-section="proposal">
      <ProposalForm a={a} mutations={mutations} />
    </Card>
  ) : null;

  return (
    <>
      <PageHeader
        breadcrumb={[crumb, { title: a.title }]}
        title={a.title}
        tags={<ActivityStatusTag status={a.status} label={a.statusLabel} />}
        subTitle={
          <div className="xt-act-headline">
            <span>
              <ClockCircleOutlined /> {fmtRange(x.startsAt, x.endsAt)}
            </span>
            <span>
              <EnvironmentOutlined /> {x.place}
            </span>
            <span>
              <BankOutlined /> {x.organiserName}
            </span>
          </div>
        }
        extra={
          <>
            {allows(a, 'edit') && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改
              </Button>
            )}
            {allows(a, 'reopen') && (
              <Button icon={<RedoOutlined />} onClick={() => setReopening(true)}>
                重新协调
              </Button>
            )}
            <ActivityEventButtons a={a} mutations={mutations} />
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          {actionCard}
          <Card title="基本信息" className="xt-act-card" data-section="info">
            <BasicInfo a={a} />
          </Card>
          <Card title="规则判断" className="xt-act-card" data-section="rules">
            <RuleEvaluations a={a} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="出席领导" className="xt-act-card" data-section="assignments">
            <Assignments a={a} onConfirm={confirm} pendingFor={mutations.confirm.isPending ? mutations.confirm.variables : undefined} />
          </Card>
          {(a.assignments.length > 0 || x.responsibleStaffId) && (
            <Card title="提醒" className="xt-act-card" data-section="reminders">
              <Reminders a={a} onRemind={remind} pending={mutations.remind.isPending ? mutations.remind.variables : undefined} />
            </Card>
          )}
          <Card title={`附件${count(a.attachments.length)}`} className="xt-act-card" data-section="attachments">
            <Attachments matterId={a.id} items={a.attachments} closed={terminal} canUpload={allows(a, 'attach')} />
          </Card>
        </Col>
      </Row>
      {a.candidates.length > 0 && (
        <Card title={a.status === 'recoordinating' ? '推荐替代人选' : '推荐人选'} className="xt-act-card" data-section="candidates">
          <CandidatesTable candidates={a.candidates} />
        </Card>
      )}
      <Card className="xt-act-card">
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            {
              key: 'consultations',
              label: `征求意见${count(openConsult)}`,
              children: (
                <>
                  {allows(a, 'consult') && (
                    <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
                      拿不准的情况可征求有关部门、单位意见；仍难以确定的，形成结论时报分管领导定夺。
                    </Typography.Paragraph>
                  )}
                  <ConsultationsTab matter={a} me={me} mutations={matterMutations} canManage={allows(a, 'consult')} />
                </>
              ),
            },
            {
              key: 'instructions',
              label: `领导批示${count(a.instructions.length)}`,
              children: <InstructionsTab matter={a} mutations={matterMutations} canInstruct={allows(a, 'instruct') && !terminal} />,
            },
            { key: 'history', label: '办理记录', children: <ActivityHistory activity={a} /> },
          ]}
        />
      </Card>
      {allows(a, 'edit') && <EditModal a={a} open={editing} onClose={() => setEditing(false)} mutations={mutations} />}
      {allows(a, 'reopen') && <ReopenModal a={a} open={reopening} onClose={() => setReopening(false)} mutations={mutations} />}
    </>
  );
}
