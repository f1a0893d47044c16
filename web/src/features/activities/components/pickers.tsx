import { Select, Tag, type SelectProps } from 'antd';
import { useDepartments, useLeaders, usePeople } from '../../org/api';
import { LINE_LABELS } from '../labels';

type Common = Omit<SelectProps, 'options' | 'loading'>;
const SEARCH = { optionFilterProp: ['search'] };

/** Leaders as 职务 + 姓名 with a 一线/二线 tag, in order of precedence. */
export function LeaderSelect(props: Common) {
  const q = useLeaders();
  const list = [...(q.data?.items ?? [])]
    .filter((p) => p.active !== false && p.leader)
    .sort((a, b) => (a.leader!.line === b.leader!.line ? a.leader!.precedence - b.leader!.precedence : a.leader!.line === 'first' ? -1 : 1));
  const options = list.map((p) => ({
    value: p.id,
    label: `${p.leader!.post}${p.name}`,
    search: `${p.name} ${p.username} ${p.leader!.post} ${p.leader!.charges.map((c) => c.area).join(' ')}`,
    line: p.leader!.line,
    charges: p.leader!.charges.map((c) => c.area).join('、'),
  }));
  return (
    <Select
      showSearch={SEARCH}
      allowClear
      placeholder="选择领导"
      loading={q.isPending}
      options={options}
      optionRender={(o) => (
        <div className="xt-act-leader-opt">
          <span>
            {o.data.label}
            {o.data.charges && <span className="xt-act-leader-charge">分管：{o.data.charges}</span>}
          </span>
          <Tag color={o.data.line === 'first' ? 'blue' : 'purple'} style={{ marginInlineEnd: 0 }}>
            {LINE_LABELS[o.data.line] ?? o.data.line}
          </Tag>
        </div>
      )}
      {...props}
    />
  );
}

/** Office people (办公室工作人员) who can be responsible for an activity. */
export function OfficeStaffSelect({ officeDepartmentId, ...props }: Common & { officeDepartmentId?: string | null }) {
  const staff = usePeople({ role: 'office_staff' });
  const dept = usePeople(officeDepartmentId ? { departmentId: officeDepartmentId } : { role: 'office_director' });
  const seen = new Set<string>();
  const options = [...(staff.data?.items ?? []), ...(dept.data?.items ?? [])]
    .filter((p) => p.active !== false && !p.leader && !p.roles.some((r) => r === 'sysadmin' || r === 'secadmin' || r === 'auditor'))
    .filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)))
    .map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name, search: `${p.name} ${p.username} ${p.title ?? ''}` }));
  return <Select showSearch={SEARCH} allowClear placeholder="选择负责人员" loading={staff.isPending} options={options} {...props} />;
}

/** The 主办部门 choice for “no department of this organ” (an outside organiser); sent as null. */
export const NO_DEPARTMENT = 'none';

/**
 * 主办部门: one of this organ's active departments, or 无 (an outside organiser). Chosen
 * explicitly — it decides the leader in charge, so the form gives no default.
 */
export function OrganiserDepartmentSelect(props: Common) {
  const q = useDepartments();
  const options = [
    { value: NO_DEPARTMENT, label: '无（外单位主办，非本机关部门）', search: '无 外单位' },
    ...(q.data?.items ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name, search: `${d.name} ${d.shortName ?? ''}` })),
  ];
  return <Select showSearch={SEARCH} allowClear placeholder="选择主办部门" loading={q.isPending} options={options} {...props} />;
}

/**
 * 来访领导级别 (ACT-3): the visiting superior leader's rank, as one of the ranks of this organ's
 * first-line leaders (the value is that rankOrder); the highest stands for "this rank or higher".
 */
export function SuperiorRankSelect(props: Common) {
  const q = useSuperiorRanks();
  return <Select placeholder="选择来访领导相当于本机关哪一级别" loading={q.isPending} options={q.options} {...props} />;
}

/** The ranks of this organ's first-line leaders, highest first, as 来访领导级别 choices. */
export function useSuperiorRanks() {
  const q = useLeaders();
  const ranks = new Map<number, { rank: string; posts: Set<string> }>();
  for (const p of q.data?.items ?? []) {
    if (p.active === false || !p.leader || p.leader.line !== 'first') continue;
    const r = ranks.get(p.leader.rankOrder) ?? { rank: p.leader.rank, posts: new Set<string>() };
    r.posts.add(p.leader.post);
    ranks.set(p.leader.rankOrder, r);
  }
  const options = [...ranks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([value, r], i) => ({ value, label: `${r.rank}${i === 0 ? '及以上' : ''}（与本机关${[...r.posts].join('、')}相当）` }));
  return { isPending: q.isPending, options };
}

/** 来访领导：… for a stated rank; unstated means this organ's own rank (the principal's). */
export function SuperiorRankText({ rankOrder }: { rankOrder: number | null | undefined }) {
  const { options } = useSuperiorRanks();
  const label = rankOrder == null ? options[0]?.label : options.find((o) => o.value === rankOrder)?.label;
  return label ? <span className="xt-act-superior-rank">（来访领导：{label}）</span> : null;
}
