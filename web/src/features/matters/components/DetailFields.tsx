import { Descriptions, Typography } from 'antd';
import type { DetailField } from '@xietiao/domain/labels/index';

/** One field's value, or its change: 修改前 struck through → 修改后. */
function FieldValue({ f }: { f: DetailField }) {
  switch (f.change) {
    case 'value':
      return <span className="xt-pre">{f.value}</span>;
    case 'added':
      return <span className="xt-pre">{f.after}</span>;
    case 'removed':
      return (
        <span className="xt-pre">
          <Typography.Text delete type="secondary">
            {f.before}
          </Typography.Text>
          <Typography.Text type="secondary">（已删除）</Typography.Text>
        </span>
      );
    case 'unchanged':
      return (
        <span className="xt-pre">
          {f.after}
          <Typography.Text type="secondary">（未修改）</Typography.Text>
        </span>
      );
    default:
      return (
        <span className="xt-pre">
          <Typography.Text delete type="secondary">
            {f.before}
          </Typography.Text>
          {' → '}
          <Typography.Text strong>{f.after}</Typography.Text>
        </span>
      );
  }
}

/**
 * An audit row's detail as a readable field list: Chinese field names, values with their
 * labels and names. `compact` is the 办理记录 line layout; otherwise a bordered list (审计日志).
 */
export function DetailFields({ fields, compact }: { fields: DetailField[]; compact?: boolean }) {
  if (fields.length === 0) return null;
  if (compact) {
    return (
      <div className="xt-detail-fields" style={{ color: 'rgba(0,0,0,.65)', marginTop: 2 }}>
        {fields.map((f) => (
          <div key={f.path.join('.')}>
            <Typography.Text type="secondary">{f.label}：</Typography.Text>
            <FieldValue f={f} />
          </div>
        ))}
      </div>
    );
  }
  return (
    <Descriptions
      className="xt-detail-fields"
      size="small"
      bordered
      column={1}
      styles={{ label: { width: '30%', minWidth: 96 } }}
      items={fields.map((f) => ({ key: f.path.join('.'), label: f.label, children: <FieldValue f={f} /> }))}
    />
  );
}
