import { Alert, Button, Descriptions, type DescriptionsProps, Grid, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import { fmtDateTime } from '../../../lib/format';
import type { ActivityDetail, Candidate } from '../api';
import { allows } from '../../../lib/actions';
import { SuperiorRankText } from './pickers';
import {
  ASSIGNMENT_COLORS,
  ASSIGNMENT_LABELS,
  EXCEPTION_KEYS,
  EXCEPTION_LABELS,
  fmtRange,
  HELD_IN_NAME_LABELS,
  LEVEL_META,
  REMINDER_COLORS,
  REMINDER_LABELS,
  REMINDER_STATE_COLORS,
  REMINDER_STATE_LABELS,
} from '../labels';

const LEVEL_ICON = { ok: <CheckCircleOutlined />, info: <InfoCircleOutlined />, warning: <WarningOutlined />, violation: <ExclamationCircleOutlined /> };

/**
 * 基本信息: two columns from 576 px. On a phone one column, and the long texts (特殊情况, 说明,
 * 拟办意见) under their labels at the full width of the card rather than in a narrow column
 * beside them; every value wraps inside the card (activities.css).
 */
export function BasicInfo({ a }: { a: ActivityDetail }) {
  const screens = Grid.useBreakpoint();
  const x = a.activity;
  const flags = EXCEPTION_KEYS.filter((k) => x.exceptions[k]);
  const short: DescriptionsProps['items'] = [
    { key: 'time', label: '时间', children: fmtRange(x.startsAt, x.endsAt) },
    { key: 'place', label: '地点', children: x.place },
    { key: 'category', label: '类别', children: x.category },
    { key: 'organiser', label: '主办单位', children: x.organiserName },
    { key: 'dept', label: '主办部门', children: x.organiserDepartmentName ?? '—' },
    { key: 'held', label: '举办名义', children: (HELD_IN_NAME_LABELS as Record<string, string>)[x.heldInName] ?? x.heldInName },
    { key: 'travel', label: '路程', children: `约${x.travelMinutes}分钟` },
    { key: 'area', label: '工作领域', children: x.area ?? '—' },
    { key: 'contact', label: '联系人', children: x.contact ?? '—' },
    { key: 'requested', label: '拟邀请领导', children: x.requestedLeaders.length ? x.requestedLeaders.map((l) => l.name).join('、') : '未指定' },
    { key: 'by', label: '登记时间', children: <ChineseDate value={a.createdAt} time /> },
  ];
  const long: DescriptionsProps['items'] = [
    ...(flags.length
      ? [
          {
            key: 'flags',
            label: '特殊情况',
            span: 'filled' as const,
            children: (
              <Space size={[4, 4]} wrap>
                {flags.map((k) => (
                  <Tag key={k} color="purple">
                    {EXCEPTION_LABELS[k]}
                    {k === 'superiorLeaderAttends' && <SuperiorRankText rankOrder={x.exceptions.superiorLeaderRankOrder} />}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]
      : []),
    ...(x.description ? [{ key: 'desc', label: '说明', span: 'filled' as const, children: <span className="xt-pre">{x.description}</span> }] : []),
    ...(x.proposal
      ? [
          {
            key: 'proposal',
            label: '拟办意见',
            span: 'filled' as const,
            children: (
              <div>
                <div className="xt-pre">{x.proposal}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  拟出席：{x.proposedLeaders.map((l) => l.name).join('、') || '—'}；负责人员：{x.responsibleStaffName ?? '—'}
                </Typography.Text>
              </div>
            ),
          },
        ]
      : []),
  ];
  if (screens.sm) return <Descriptions className="xt-meta xt-act-info" size="small" column={2} items={[...short, ...long]} />;
  return (
    <>
      <Descriptions className="xt-meta xt-act-info" size="small" column={1} items={short} />
      {long.length > 0 && <Descriptions className="xt-act-info is-stacked" size="small" column={1} layout="vertical" items={long} />}
    </>
  );
}

/** 规则判断: each rule named, with its reason, coloured by level. */
export function RuleEvaluations({ a }: { a: ActivityDetail }) {
  if (a.ruleEvaluations.length === 0) return <EmptyState description="暂无规则判断" />;
  const leaderName = (id: string) =>
    a.candidates.find((c) => c.leaderId === id)?.name ??
    a.assignments.find((x) => x.leaderId === id)?.leaderName ??
    a.activity.proposedLeaders.find((l) => l.id === id)?.name ??
    a.activity.requestedLeaders.find((l) => l.id === id)?.name;
  return (
    <div className="xt-act-rules">
      {a.ruleEvaluations.map((r, i) => {
        const meta = LEVEL_META[r.level] ?? LEVEL_META.info;
        const names = r.leaderIds.map(leaderName).filter(Boolean);
        return (
          <Alert
            key={`${r.rule}-${i}`}
            type={meta.alert}
            showIcon
            icon={LEVEL_ICON[r.level]}
            data-rule={r.rule}
            data-level={r.level}
            title={
              <Space size={6} wrap>
                <strong>{r.name}</strong>
                <Tag color={meta.tag} style={{ marginInlineEnd: 0 }}>
                  {meta.label}
                </Tag>
              </Space>
            }
            description={
              <>
                <div className="xt-pre">{r.message}</div>
                {names.length > 0 && <div className="xt-act-rule-who">涉及：{names.join('、')}</div>}
              </>
            }
          />
        );
      })}
    </div>
  );
}

function score(c: Candidate) {
  return (
    <span className="xt-act-score" title="推荐得分">
      {Math.round(c.score * 10) / 10}分
    </span>
  );
}
function availability(available: boolean) {
  return available ? <Tag color="green">可出席</Tag> : <Tag color="red">不能出席</Tag>;
}

/**
 * 推荐人选: a table from 768 px; below, a compact list — rank, name, post and availability on one
 * line with the reasons under them — since a table that narrow is a column of tall, mostly empty
 * rows with the reasons out of sight.
 */
export function CandidatesTable({ candidates }: { candidates: Candidate[] }) {
  const screens = Grid.useBreakpoint();
  if (!screens.md) return <CandidateList candidates={candidates} />;
  return (
    <Table<Candidate & { rank: number }>
      rowKey="leaderId"
      size="small"
      pagination={false}
      className="xt-act-candidates"
      dataSource={candidates.map((c, i) => ({ ...c, rank: i + 1 }))}
      scroll={{ x: 720 }}
      columns={[
        { title: '排序', dataIndex: 'rank', width: 52, align: 'center' },
        {
          title: '领导',
          key: 'leader',
          width: 190,
          render: (_, c) => (
            <div>
              <div>
                <strong>{c.name}</strong> {score(c)}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.post}
              </Typography.Text>
            </div>
          ),
        },
        {
          title: '可否出席',
          dataIndex: 'available',
          width: 92,
          render: (v: boolean) => availability(v),
        },
        {
          title: '理由',
          key: 'reasons',
          render: (_, c) => (
            <ul className="xt-act-reasons">
              {c.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          ),
        },
        {
          title: '日程冲突',
          key: 'conflicts',
          width: 180,
          render: (_, c) =>
            c.conflicts.length ? (
              <div className="xt-act-conflicts">
                {c.conflicts.map((b, i) => (
                  <Tooltip key={i} title={fmtRange(b.startsAt, b.endsAt)}>
                    <Tag color={b.firm ? 'red' : 'orange'}>{b.title}</Tag>
                  </Tooltip>
                ))}
              </div>
            ) : (
              <span className="xt-muted">无</span>
            ),
        },
      ]}
    />
  );
}

/** 推荐人选 on a phone: one block per leader, best first. */
function CandidateList({ candidates }: { candidates: Candidate[] }) {
  return (
    <ol className="xt-act-candidate-list">
      {candidates.map((c, i) => (
        <li key={c.leaderId} data-leader={c.leaderId} className={c.available ? undefined : 'is-unavailable'}>
          <div className="xt-act-candidate-head">
            <span className="xt-act-candidate-rank">{i + 1}</span>
            <div className="xt-act-candidate-who">
              <strong>{c.name}</strong> {score(c)}
              <div className="xt-act-candidate-post">{c.post}</div>
            </div>
            {availability(c.available)}
          </div>
          {c.reasons.length > 0 && (
            <ul className="xt-act-reasons">
              {c.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
          {c.conflicts.length > 0 && (
            <div className="xt-act-conflicts">
              <span className="xt-muted">日程冲突：</span>
              {c.conflicts.map((b) => (
                <Tag key={`${b.kind}-${b.refId}-${b.startsAt}`} color={b.firm ? 'red' : 'orange'}>
                  {b.title}（{fmtRange(b.startsAt, b.endsAt)}）
                </Tag>
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** 出席领导 with confirmation buttons. */
export function Assignments({ a, onConfirm, pendingFor }: { a: ActivityDetail; onConfirm: (leaderId: string) => void; pendingFor?: string }) {
  if (a.assignments.length === 0) {
    return (
      <EmptyState
        description={a.activity.proposedLeaders.length ? `拟出席：${a.activity.proposedLeaders.map((l) => l.name).join('、')}（待审批）` : '尚未确定出席领导'}
      />
    );
  }
  return (
    <ul className="xt-act-assignments">
      {a.assignments.map((x) => (
        <li key={x.leaderId} data-leader={x.leaderId}>
          <div className="xt-act-assignment-main">
            <div>
              <strong>{x.leaderName}</strong> <Typography.Text type="secondary">{x.post}</Typography.Text>
            </div>
            <Tag color={ASSIGNMENT_COLORS[x.status]} style={{ marginInlineEnd: 0 }}>
              {ASSIGNMENT_LABELS[x.status] ?? x.status}
            </Tag>
          </div>
          {x.confirmedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {x.confirmedByName ? `${x.confirmedByName} ` : ''}确认于 {fmtDateTime(x.confirmedAt)}
            </Typography.Text>
          )}
          {x.note && (
            <div className="xt-muted" style={{ fontSize: 12 }}>
              {x.note}
            </div>
          )}
          {a.confirmableLeaderIds.includes(x.leaderId) && (
            <Popconfirm title={`确认${x.leaderName}出席？`} okText="确认" cancelText="取消" onConfirm={() => onConfirm(x.leaderId)}>
              <Button size="small" type="primary" loading={pendingFor === x.leaderId} style={{ marginTop: 6 }}>
                确认出席
              </Button>
            </Popconfirm>
          )}
        </li>
      ))}
    </ul>
  );
}

type Reminder = NonNullable<ActivityDetail['activity']['reminders']>[number];
const note = (text: string) => (
  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
    {text}
  </Typography.Text>
);

/** One reminder as scheduled: its time, its state, and when it was sent. */
function ScheduledReminder({ r }: { r: Reminder }) {
  return (
    <Space size={4} wrap>
      <span>{r.dueAt ? fmtDateTime(r.dueAt) : '未安排'}</span>
      <Tag color={REMINDER_STATE_COLORS[r.state]}>{REMINDER_STATE_LABELS[r.state] ?? r.state}</Tag>
      {r.state === 'fired' && r.firedAt && note(`发送于 ${fmtDateTime(r.firedAt)}`)}
      {r.state === 'skipped' && note(r.dueAt ? '已确认出发，未再发送' : '批准时已过，未安排')}
    </Space>
  );
}

/**
 * 提醒 (ACT-7). Once approved, the reminders as they were scheduled (the server's timers: a later
 * change of the rule settings does not move them); before that, the times today's settings give.
 */
export function Reminders({ a, onRemind, pending }: { a: ActivityDetail; onRemind: (s: 'reminded' | 'departed') => void; pending?: string }) {
  const x = a.activity;
  const t = x.reminderTimes;
  const forecast = (at: string) => (
    <Space size={4} wrap>
      <span>{fmtDateTime(at)}</span>
      {note('预计')}
    </Space>
  );
  const times = x.reminders?.length
    ? x.reminders.map((r) => ({ key: r.kind, label: r.label, children: <ScheduledReminder r={r} /> }))
    : [
        { key: 'day', label: '提前一天提醒', children: forecast(t.dayBefore) },
        { key: 'dep', label: '出发提醒', children: forecast(t.departure) },
        { key: 'esc', label: '未出发上报', children: forecast(t.escalateAt) },
      ];
  return (
    <div>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'staff', label: '负责人员', children: x.responsibleStaffName ?? '未指定' },
          ...times,
          {
            key: 'state',
            label: '提醒情况',
            children: (
              <Space size={4} wrap>
                <Tag color={REMINDER_COLORS[x.reminderState]}>{REMINDER_LABELS[x.reminderState] ?? x.reminderState}</Tag>
                {x.remindedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    提醒于 {fmtDateTime(x.remindedAt)}
                  </Typography.Text>
                )}
                {x.departedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    出发于 {fmtDateTime(x.departedAt)}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
      {allows(a, 'remind') && x.reminderState !== 'departed' && (
        <Space wrap style={{ marginTop: 8 }}>
          {x.reminderState === 'none' && (
            <Button onClick={() => onRemind('reminded')} loading={pending === 'reminded'}>
              已提醒
            </Button>
          )}
          <Button type="primary" onClick={() => onRemind('departed')} loading={pending === 'departed'}>
            已出发
          </Button>
        </Space>
      )}
    </div>
  );
}
