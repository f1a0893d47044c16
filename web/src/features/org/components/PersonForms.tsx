import { useRef } from 'react';
import { App, Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '@xietiao/domain';
import { ROLES, roleSetProblem } from '@xietiao/domain/kernel/roles';
import { DepartmentSelect, PersonSelect } from '../../../components/Pickers';
import { checkWith, nn } from '../../../lib/forms';
import { errorMessage } from '../../../lib/http';
import { roleLabel } from '../../../lib/roles';
import type { Person } from '../../../lib/types';
import { useCreatePerson, usePatchPerson, useResetPassword, useSetLeader, useSetRoles } from '../api';
import { isStale, placeServerError, type PlaceOptions } from '../formErrors';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: roleLabel(r) }));

/** The last person a modal was opened for, so its content stays during the closing animation. */
function useLastPerson(person: Person | null): Person | null {
  const last = useRef(person);
  if (person) last.current = person;
  return person ?? last.current;
}

function useSaveError() {
  const { message } = App.useApp();
  return (e: unknown, form: Parameters<typeof placeServerError>[0], onClose: () => void, opts: PlaceOptions) => {
    if (isStale(e)) {
      message.warning('该人员信息已被他人修改，已刷新为最新数据，请重新操作');
      onClose();
    } else if (!placeServerError(form, e, opts)) message.error(errorMessage(e));
  };
}

const PERSON_FIELDS = ['username', 'name', 'title', 'phone', 'departmentId', 'roles', 'password'];

interface PersonValues {
  username: string;
  name: string;
  title?: string;
  phone?: string;
  departmentId?: string | null;
  roles: string[];
  password: string;
}

/** 新增/编辑人员 (sysadmin). Roles are set here only on creation; afterwards by the secadmin. */
export function PersonFormModal({ person, open, onClose }: { person: Person | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<PersonValues>();
  const create = useCreatePerson();
  const patch = usePatchPerson();
  const { message } = App.useApp();
  const onSaveError = useSaveError();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      if (person) {
        const body = checkWith(
          api.PersonPatch,
          { name: v.name, title: nn(v.title), phone: nn(v.phone), departmentId: v.departmentId ?? null, version: person.version },
          form,
        );
        if (!body) return;
        await patch.mutateAsync({ id: person.id, ...body });
      } else {
        const problem = roleSetProblem(v.roles ?? []);
        if (problem) {
          form.setFields([{ name: 'roles', errors: [problem] }]);
          return;
        }
        const body = checkWith(
          api.PersonInput,
          {
            username: v.username?.trim(),
            name: v.name,
            title: nn(v.title),
            phone: nn(v.phone),
            departmentId: v.departmentId ?? null,
            roles: v.roles,
            password: v.password,
          },
          form,
        );
        if (!body) return;
        await create.mutateAsync(body);
      }
      message.success(person ? '人员信息已保存' : '人员已新增');
      onClose();
    } catch (e) {
      onSaveError(e, form, onClose, { fields: PERSON_FIELDS, duplicateField: person ? undefined : 'username' });
    }
  };
  return (
    <Modal
      title={person ? `编辑人员：${person.name}` : '新增人员'}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      confirmLoading={create.isPending || patch.isPending}
      destroyOnHidden
      width={600}
    >
      <Form<PersonValues>
        form={form}
        layout="vertical"
        preserve={false}
        clearOnDestroy
        initialValues={
          person ? { name: person.name, title: person.title ?? undefined, phone: person.phone ?? undefined, departmentId: person.departmentId } : { roles: [] }
        }
      >
        {!person && (
          <Form.Item
            name="username"
            label="用户名"
            rules={[{ required: true, message: '请输入用户名' }]}
            extra="3至32位小写字母、数字、下划线、点或连字符，以字母开头"
          >
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        )}
        <Space wrap size={16}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input maxLength={50} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="title" label="职务">
            <Input maxLength={100} style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Space wrap size={16}>
          <Form.Item name="departmentId" label="所在部门">
            <DepartmentSelect style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="phone" label="联系电话">
            <Input maxLength={30} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        {!person && (
          <>
            <Form.Item
              name="roles"
              label="角色"
              rules={[{ required: true, message: '至少需要一个角色' }]}
              extra="三员分立：系统管理员、安全保密管理员、安全审计员不得兼任，也不得兼任业务角色"
            >
              <Select mode="multiple" options={ROLE_OPTIONS} />
            </Form.Item>
            <Form.Item
              name="password"
              label="初始密码"
              rules={[
                { required: true, message: '请设置初始密码' },
                { min: 10, message: '初始密码至少10位' },
              ]}
              extra="用户首次登录后须修改密码"
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 分配角色 (secadmin), with the 三员分立 rule checked before sending. */
export function RolesModal({ person: current, onClose }: { person: Person | null; onClose: () => void }) {
  const person = useLastPerson(current);
  const [form] = Form.useForm<{ roles: string[] }>();
  const setRoles = useSetRoles();
  const { message } = App.useApp();
  const onSaveError = useSaveError();
  // undefined until the form is connected: no verdict yet (the Save button must not start disabled)
  const roles = Form.useWatch('roles', form) as string[] | undefined;
  const problem = roles ? roleSetProblem(roles) : null;
  const submit = async () => {
    if (!person) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const bad = roleSetProblem(v.roles ?? []);
    if (bad) {
      form.setFields([{ name: 'roles', errors: [bad] }]);
      return;
    }
    try {
      await setRoles.mutateAsync({ id: person.id, version: person.version, roles: v.roles });
      message.success('角色已更新');
      onClose();
    } catch (e) {
      onSaveError(e, form, onClose, { fields: ['roles'] });
    }
  };
  return (
    <Modal
      title={person ? `分配角色：${person.name}` : ''}
      open={!!current}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      okButtonProps={{ disabled: !!problem }}
      confirmLoading={setRoles.isPending}
      destroyOnHidden
    >
      {person && (
        <Form form={form} layout="vertical" preserve={false} clearOnDestroy initialValues={{ roles: person.roles }}>
          <Form.Item name="roles" label="角色" rules={[{ required: true, message: '至少需要一个角色' }]}>
            <Checkbox.Group options={ROLE_OPTIONS} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 8 }} />
          </Form.Item>
          {problem && <Alert type="error" showIcon title={problem} />}
        </Form>
      )}
    </Modal>
  );
}

/** 重置密码 (secadmin). */
export function ResetPasswordModal({ person: current, onClose }: { person: Person | null; onClose: () => void }) {
  const person = useLastPerson(current);
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const { message } = App.useApp();
  const submit = async () => {
    if (!person) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await reset.mutateAsync({ id: person.id, password: v.password });
      message.success('密码已重置，用户下次登录时须修改密码');
      onClose();
    } catch (e) {
      if (!placeServerError(form, e, { fields: ['password'] })) message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      title={person ? `重置密码：${person.name}` : ''}
      open={!!current}
      onCancel={onClose}
      onOk={submit}
      okText="重置"
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} clearOnDestroy>
        <Form.Item
          name="password"
          label="新密码"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 10, message: '密码至少10位' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface LeaderValues {
  post: string;
  rank: string;
  rankOrder: number;
  precedence: number;
  line: 'first' | 'second';
  principal: boolean;
  secretaryId?: string | null;
  charges: { area: string; departmentId?: string | null }[];
}

/** 领导信息 (sysadmin): post, rank, precedence, 一线/二线, principal, secretary, 分管. */
export function LeaderFormModal({ person: current, onClose }: { person: Person | null; onClose: () => void }) {
  const person = useLastPerson(current);
  const [form] = Form.useForm<LeaderValues>();
  const save = useSetLeader();
  const { message } = App.useApp();
  const submit = async () => {
    if (!person) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = checkWith(
      api.LeaderInput,
      {
        ...v,
        secretaryId: v.secretaryId ?? null,
        charges: (v.charges ?? []).filter((c) => c?.area).map((c) => ({ area: c.area, departmentId: c.departmentId ?? null })),
      },
      form,
    );
    if (!body) return;
    try {
      await save.mutateAsync({ id: person.id, ...body });
      message.success('领导信息已保存');
      onClose();
    } catch (e) {
      if (
        !placeServerError(form, e, { fields: ['post', 'rank', 'rankOrder', 'precedence', 'line', 'principal', 'secretaryId', 'charges'], lists: ['charges'] })
      ) {
        message.error(errorMessage(e));
      }
    }
  };
  const l = person?.leader;
  return (
    <Modal
      title={person ? `领导信息：${person.name}` : ''}
      open={!!current}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      {person && (
        <Form<LeaderValues>
          form={form}
          layout="vertical"
          preserve={false}
          clearOnDestroy
          initialValues={
            l
              ? { ...l, charges: l.charges.map((c) => ({ area: c.area, departmentId: c.departmentId })) }
              : { line: 'first', principal: false, rankOrder: 10, precedence: 10, charges: [] }
          }
        >
          <Space wrap size={16}>
            <Form.Item name="post" label="职务" rules={[{ required: true, whitespace: true, message: '请输入职务' }]}>
              <Input maxLength={50} style={{ width: 200 }} placeholder="如 副市长" />
            </Form.Item>
            <Form.Item name="rank" label="职级" rules={[{ required: true, whitespace: true, message: '请输入职级' }]}>
              <Input maxLength={30} style={{ width: 160 }} placeholder="如 副厅级" />
            </Form.Item>
          </Space>
          <Space wrap size={16}>
            <Form.Item name="rankOrder" label="职级序号" rules={[{ required: true, message: '必填' }]} tooltip="数字越小职级越高">
              <InputNumber min={1} max={99} precision={0} />
            </Form.Item>
            <Form.Item name="precedence" label="排序（班子内次序）" rules={[{ required: true, message: '必填' }]}>
              <InputNumber min={1} max={999} precision={0} />
            </Form.Item>
            <Form.Item name="line" label="一线/二线">
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'first', label: '一线' },
                  { value: 'second', label: '二线' },
                ]}
              />
            </Form.Item>
            <Form.Item name="principal" label="主要领导" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Space>
          <Form.Item name="secretaryId" label="秘书">
            <PersonSelect />
          </Form.Item>
          <Typography.Text strong>分管工作</Typography.Text>
          <Form.List name="charges">
            {(fields, { add, remove }) => (
              <div style={{ marginTop: 8 }}>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                    <Form.Item name={[f.name, 'area']} rules={[{ required: true, whitespace: true, message: '请填写分管领域' }]} style={{ marginBottom: 8 }}>
                      <Input placeholder="分管领域，如 财政" style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'departmentId']} style={{ marginBottom: 8 }}>
                      <DepartmentSelect style={{ width: 200 }} placeholder="联系部门（可选）" />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除" />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ area: '' })} icon={<PlusOutlined />}>
                  添加分管领域
                </Button>
              </div>
            )}
          </Form.List>
        </Form>
      )}
    </Modal>
  );
}
