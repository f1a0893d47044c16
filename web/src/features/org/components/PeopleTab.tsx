import { useState } from 'react';
import { App, Button, Checkbox, Dropdown, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES } from '@xietiao/domain/kernel/roles';
import { EmptyState } from '../../../components/EmptyState';
import { DepartmentSelect } from '../../../components/Pickers';
import { QueryError } from '../../../components/QueryError';
import { errorMessage } from '../../../lib/http';
import { roleLabel } from '../../../lib/roles';
import type { Person } from '../../../lib/types';
import { usePeople, useRemoveLeader, useSetPersonActive, useUnlockLogin } from '../api';
import { isStale } from '../formErrors';
import { LeaderFormModal, PersonFormModal, ResetPasswordModal, RolesModal } from './PersonForms';

export function PeopleTab({ isSysadmin, isSecadmin }: { isSysadmin: boolean; isSecadmin: boolean }) {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [departmentId, setDepartmentId] = useState<string>();
  const [role, setRole] = useState<string>();
  const [includeInactive, setIncludeInactive] = useState(false);
  const people = usePeople({ q: search || undefined, departmentId, role, includeInactive });
  const setActive = useSetPersonActive();
  const removeLeader = useRemoveLeader();
  const unlock = useUnlockLogin();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<Person | null | 'new'>(null);
  const [rolesFor, setRolesFor] = useState<Person | null>(null);
  const [pwFor, setPwFor] = useState<Person | null>(null);
  const [leaderFor, setLeaderFor] = useState<Person | null>(null);

  if (people.isError) return <QueryError error={people.error} onRetry={() => people.refetch()} />;
  const failed = (e: unknown) => (isStale(e) ? message.warning('该人员信息已被他人修改，已刷新为最新数据') : message.error(errorMessage(e)));
  const ok = (text: string) => ({ onSuccess: () => message.success(text), onError: failed });

  const actions = (p: Person) => {
    const items: { key: string; label: string; danger?: boolean }[] = [];
    if (isSysadmin) {
      items.push({ key: 'edit', label: '编辑' });
      items.push({ key: 'leader', label: p.leader ? '编辑领导信息' : '设为领导' });
      if (p.leader) items.push({ key: 'unleader', label: '取消领导信息', danger: true });
      items.push(p.active ? { key: 'deactivate', label: '停用', danger: true } : { key: 'activate', label: '启用' });
    }
    if (isSecadmin) {
      items.push({ key: 'roles', label: '分配角色' });
      items.push({ key: 'password', label: '重置密码' });
      items.push({ key: 'unlock', label: '解除登录锁定' });
    }
    return items;
  };
  const onAction = (p: Person, key: string) => {
    if (key === 'edit') setEditing(p);
    if (key === 'leader') setLeaderFor(p);
    if (key === 'roles') setRolesFor(p);
    if (key === 'password') setPwFor(p);
    if (key === 'unlock')
      unlock.mutate(p.id, {
        onSuccess: (r) => (r.wasLocked ? message.success(`已解除「${p.name}」的登录锁定`) : message.info(`「${p.name}」的账号当前未被锁定`)),
        onError: failed,
      });
    if (key === 'activate') setActive.mutate({ id: p.id, version: p.version, active: true }, ok('已启用'));
    if (key === 'deactivate')
      modal.confirm({
        title: `确定停用「${p.name}」的账号吗？`,
        content: '停用后该用户将无法登录。',
        okButtonProps: { danger: true },
        onOk: () => setActive.mutateAsync({ id: p.id, version: p.version, active: false }).then(() => message.success('已停用'), failed),
      });
    if (key === 'unleader')
      modal.confirm({
        title: `确定取消「${p.name}」的领导信息吗？`,
        okButtonProps: { danger: true },
        onOk: () => removeLeader.mutateAsync(p.id).then(() => message.success('已取消'), failed),
      });
  };

  const columns: ColumnsType<Person> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 130,
      render: (v: string, p) => (
        <Space size={4} wrap>
          <span>{v}</span>
          {!p.active && <Tag>已停用</Tag>}
        </Space>
      ),
    },
    { title: '用户名', dataIndex: 'username', width: 110, responsive: ['lg'] },
    { title: '职务', dataIndex: 'title', responsive: ['md'], render: (v: string | null, p) => p.leader?.post ?? v ?? '—' },
    { title: '部门', dataIndex: 'departmentName', width: 150, responsive: ['sm'], render: (v: string | null) => v ?? '—' },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (rs: string[]) => (
        <Space size={[4, 4]} wrap>
          {rs.map((r) => (
            <Tag key={r} color={r === 'sysadmin' || r === 'secadmin' || r === 'auditor' ? 'purple' : r === 'leader' ? 'red' : 'blue'}>
              {roleLabel(r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    ...(isSysadmin || isSecadmin
      ? [
          {
            title: '操作',
            key: 'op',
            width: 90,
            render: (_: unknown, p: Person) => (
              <Dropdown menu={{ items: actions(p), onClick: ({ key }) => onAction(p, key) }} trigger={['click']}>
                <Button size="small" type="link">
                  管理 <DownOutlined />
                </Button>
              </Dropdown>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="xt-toolbar">
        <Input.Search
          allowClear
          placeholder="姓名、用户名"
          aria-label="查找人员"
          style={{ width: 200 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setSearch(v.trim())}
        />
        <DepartmentSelect
          aria-label="按部门筛选"
          style={{ width: 180 }}
          value={departmentId}
          onChange={(v: string | undefined) => setDepartmentId(v)}
          placeholder="全部部门"
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder="全部角色"
          aria-label="按角色筛选"
          value={role}
          onChange={(v?: string) => setRole(v)}
          options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
        />
        <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)}>
          含已停用
        </Checkbox>
        <span className="grow" />
        {isSysadmin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增人员
          </Button>
        )}
      </div>
      <Table<Person>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={people.data?.items ?? []}
        loading={people.isPending || people.isFetching}
        pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人` }}
        locale={{ emptyText: <EmptyState description="没有符合条件的人员" /> }}
      />
      <PersonFormModal open={editing !== null} person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <RolesModal person={rolesFor} onClose={() => setRolesFor(null)} />
      <ResetPasswordModal person={pwFor} onClose={() => setPwFor(null)} />
      <LeaderFormModal person={leaderFor} onClose={() => setLeaderFor(null)} />
    </>
  );
}
