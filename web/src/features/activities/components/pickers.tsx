import { Select, Tag, type SelectProps } from 'antd';
import { useLeaders, usePeople } from '../../org/api';
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
