import { Button, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { DatePicker } from '../../../components/Pickers';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Organ } from '../../../lib/types';
import { SIGNER_ROLES } from '../labels';
import { OrganSelect } from './OrganSelect';

/** 签发记录: who signed, in what capacity, with what opinion and on what day. */
export function SignersList({ organs, defaultOrgan }: { organs: readonly Organ[]; defaultOrgan?: string }) {
  return (
    <Form.List name="signers">
      {(fields, { add, remove }) => (
        <div className="xt-chk-rows">
          {fields.map(({ key, name }) => (
            <div key={key} className="xt-chk-signer" data-row={name}>
              <Form.Item name={[name, 'organ']} noStyle>
                <OrganSelect organs={organs} placeholder="签发机关" aria-label={`签发记录第${name + 1}行 机关`} allowClear={false} />
              </Form.Item>
              <Form.Item name={[name, 'name']} noStyle>
                <Input placeholder="签发人姓名" aria-label={`签发记录第${name + 1}行 姓名`} maxLength={20} />
              </Form.Item>
              <Form.Item name={[name, 'role']} noStyle>
                <Select aria-label={`签发记录第${name + 1}行 身份`} options={SIGNER_ROLES.map((r) => ({ value: r, label: r }))} placeholder="身份" />
              </Form.Item>
              <Form.Item name={[name, 'opinion']} noStyle>
                <Input placeholder="签发意见，如：同意" aria-label={`签发记录第${name + 1}行 意见`} maxLength={200} />
              </Form.Item>
              <Form.Item name={[name, 'signedAt']} noStyle>
                <DatePicker placeholder="签发日期" aria-label={`签发记录第${name + 1}行 日期`} />
              </Form.Item>
              <div className="xt-chk-row-end">
                <Form.Item name={[name, 'proxy']} valuePropName="checked" noStyle>
                  <Checkbox>代签</Checkbox>
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除签发记录第${name + 1}行`} onClick={() => remove(name)} />
              </div>
            </div>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ organ: defaultOrgan, role: '主要负责人', name: '', opinion: '同意', proxy: false })}
          >
            添加签发记录
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** 请示事项: one line per matter (a 请示 has exactly one). */
export function MattersList() {
  return (
    <Form.List name="matters">
      {(fields, { add, remove }) => (
        <div className="xt-chk-rows">
          {fields.map(({ key, name }) => (
            <div key={key} className="xt-chk-line">
              <Form.Item name={name} noStyle>
                <Input placeholder="所请示的事项，如：追加防汛经费" aria-label={`请示事项第${name + 1}项`} maxLength={200} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除请示事项第${name + 1}项`} onClick={() => remove(name)} />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
            添加请示事项
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** 附件: the attachments themselves (number and heading), to match the 附件说明. */
export function AttachmentsList() {
  return (
    <Form.List name="attachments">
      {(fields, { add, remove }) => (
        <div className="xt-chk-rows">
          {fields.map(({ key, name }) => (
            <div key={key} className="xt-chk-line">
              <Form.Item name={[name, 'no']} noStyle>
                <InputNumber min={1} max={99} precision={0} placeholder="序号" aria-label={`附件第${name + 1}项 序号`} style={{ width: 80 }} />
              </Form.Item>
              <Form.Item name={[name, 'title']} noStyle>
                <Input placeholder="附件标题，如：经费测算表" aria-label={`附件第${name + 1}项 标题`} maxLength={200} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除附件第${name + 1}项`} onClick={() => remove(name)} />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ no: fields.length + 1, title: '' })}>
            添加附件
          </Button>
        </div>
      )}
    </Form.List>
  );
}
