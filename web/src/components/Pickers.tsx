import { Select, type SelectProps } from 'antd';
import { useDepartments, useLeaders, usePeople } from '../features/org/api';
import { roleLabel } from '../lib/roles';

type Common = Omit<SelectProps, 'options' | 'loading'>;

const SEARCH = { optionFilterProp: ['label', 'search'] };

/** Pick one or more active people (name · department). */
export function PersonSelect({ leadersOnly, excludeAdmins = true, ...props }: Common & { leadersOnly?: boolean; excludeAdmins?: boolean }) {
  const people = usePeople();
  const leaders = useLeaders();
  const list = (leadersOnly ? leaders.data?.items : people.data?.items) ?? [];
  const options = list
    .filter((p) => p.active !== false)
    .filter((p) => !excludeAdmins || !p.roles.some((r) => r === 'sysadmin' || r === 'secadmin' || r === 'auditor'))
    .map((p) => ({
      value: p.id,
      label: p.leader ? `${p.name}（${p.leader.post}）` : p.departmentName ? `${p.name} · ${p.departmentName}` : p.name,
      search: `${p.name} ${p.username} ${p.departmentName ?? ''} ${p.title ?? ''} ${p.roles.map(roleLabel).join(' ')}`,
    }));
  return (
    <Select
      showSearch={SEARCH}
      allowClear
      placeholder={leadersOnly ? '选择领导' : '选择人员'}
      loading={leadersOnly ? leaders.isPending : people.isPending}
      options={options}
      {...props}
    />
  );
}

/** Pick one or more active departments. */
export function DepartmentSelect(props: Common) {
  const q = useDepartments();
  const options = (q.data?.items ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name, search: `${d.name} ${d.shortName ?? ''}` }));
  return <Select showSearch={SEARCH} allowClear placeholder="选择部门" loading={q.isPending} options={options} {...props} />;
}
