import { Alert, Button, Card, Spin, Tag } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import type { Finding, Severity } from '@xietiao/domain/checks/types';
import { describeLocation, locate, SEVERITIES, SEVERITY } from '../labels';
import { scrollToField } from './findings';

const ICONS: Record<Severity, React.ReactNode> = {
  error: <CloseCircleFilled />,
  warning: <ExclamationCircleFilled />,
  info: <InfoCircleFilled />,
};

export interface PanelProps {
  /** null: not checked yet */
  findings: Finding[] | null;
  checking: boolean;
  /** 请先填写：… (an incomplete form, HTTP 400) */
  hint: { where: string; detail: string; field: string } | null;
  /** any other failure */
  error: string | null;
  onRetry(): void;
  organAt(field: string, index: number): string | undefined;
}

/** 检查结果: counts by severity and every finding; a click goes to the field. */
export function FindingsPanel({ findings, checking, hint, error, onRetry, organAt }: PanelProps) {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, findings?.filter((f) => f.severity === s).length ?? 0])) as Record<Severity, number>;
  const clean = findings !== null && findings.length === 0 && !hint && !error;
  return (
    <Card
      className="xt-chk-panel"
      title={
        <span className="xt-chk-panel-title">
          检查结果
          {checking && <Spin size="small" />}
        </span>
      }
      extra={
        findings && !hint && !error ? (
          <span className="xt-chk-counts" aria-label="各级别问题数">
            {SEVERITIES.map((s) => (
              <Tag key={s} color={counts[s] ? SEVERITY[s].tag : 'default'} data-severity={s}>
                {SEVERITY[s].label} {counts[s]}
              </Tag>
            ))}
          </span>
        ) : undefined
      }
      size="small"
    >
      {hint && (
        <div className="xt-chk-hint" role="status">
          <InfoCircleFilled />
          <div>
            <div>
              请先填写：
              <Button type="link" size="small" className="xt-chk-link" onClick={() => scrollToField(hint.field)}>
                {hint.where}
              </Button>
            </div>
            <div className="xt-chk-detail">填写后将自动检查（{hint.detail}）</div>
          </div>
        </div>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title="检查未能完成"
          description={error}
          action={
            <Button size="small" onClick={onRetry}>
              重试
            </Button>
          }
        />
      )}
      {!hint && !error && findings === null && <div className="xt-chk-idle">{checking ? '正在检查…' : '填写左侧表单后将自动检查。'}</div>}
      {clean && (
        <div className="xt-chk-clean" role="status">
          <CheckCircleFilled />
          <div>
            <div className="xt-chk-clean-title">未发现问题</div>
            <div className="xt-chk-clean-sub">文种、行文规则、格式和签发均已通过自动检查。内容是否妥当仍需人工审核。</div>
          </div>
        </div>
      )}
      {!hint && !error && findings && findings.length > 0 && (
        <ul className="xt-chk-list">
          {findings.map((f, i) => {
            const loc = locate(f.path);
            return (
              <li key={i} className={`is-${f.severity}`}>
                <button type="button" onClick={() => scrollToField(loc.field)} title="转到该项">
                  <span className={`xt-chk-icon is-${f.severity}`} aria-label={SEVERITY[f.severity].label}>
                    {ICONS[f.severity]}
                  </span>
                  <span className="xt-chk-item-body">
                    <span className="xt-chk-item-head">
                      <Tag color={SEVERITY[f.severity].tag} className="xt-chk-rule">
                        {f.rule}
                      </Tag>
                      <span className="xt-chk-where">{describeLocation(loc, (idx) => organAt(loc.field, idx))}</span>
                    </span>
                    <span className="xt-chk-text">{f.message}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
