import { createContext, useContext, type ReactNode } from 'react';
import { Form, Tag, type FormItemProps } from 'antd';
import type { Finding } from '@xietiao/domain/checks/types';
import { describeLocation, locate, SEVERITY, worst, type Location } from '../labels';

export interface Located extends Location {
  finding: Finding;
}

export interface FindingsState {
  /** findings by field key (labels.ts FIELD_LABELS) */
  byField: ReadonlyMap<string, Located[]>;
  /** the field an incomplete input (HTTP 400) points at, and the server's words */
  missing: (Location & { message: string }) | null;
  /** the organ named at index i of issuers / mainTo / copyTo */
  organAt(field: string, index: number): string | undefined;
  /** fields a whole document was read for and did not show (still empty in the form) */
  unread?: ReadonlySet<string>;
}

export const FindingsContext = createContext<FindingsState>({
  byField: new Map(),
  missing: null,
  organAt: () => undefined,
});

export function groupFindings(findings: readonly Finding[]): Map<string, Located[]> {
  const map = new Map<string, Located[]>();
  for (const finding of findings) {
    const loc = locate(finding.path);
    const list = map.get(loc.field) ?? [];
    list.push({ ...loc, finding });
    map.set(loc.field, list);
  }
  return map;
}

/** The CSS class that marks a field's form item, for scrolling to it and for tests. */
export function fieldClass(field: string): string {
  return `xt-chk-f-${field.replace(/\./g, '-')}`;
}

export function scrollToField(field: string): void {
  const el = document.querySelector(`.${fieldClass(field)}`);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  const input = el.querySelector<HTMLElement>('input:not([type=hidden]), textarea, [tabindex]:not([tabindex="-1"])');
  input?.focus({ preventScroll: true });
}

/** One finding as a line: the rule ID tag and the message, coloured by severity. */
export function FindingLine({ l, where }: { l: Located; where?: string }) {
  const sev = SEVERITY[l.finding.severity];
  return (
    <div className={`xt-chk-msg is-${l.finding.severity}`} data-rule={l.finding.rule}>
      <Tag color={sev.tag} className="xt-chk-rule" title={sev.label}>
        {l.finding.rule}
      </Tag>
      <span>
        {where && <b>{where}：</b>}
        {l.finding.message}
      </span>
    </div>
  );
}

type CheckItemProps = Omit<FormItemProps, 'validateStatus' | 'help'> & {
  /** the field key of labels.ts the findings are matched on */
  field: string;
  children: ReactNode;
};

/** A Form.Item that shows the findings about its field beside it (status colour + lines). */
export function CheckItem({ field, className, children, ...rest }: CheckItemProps) {
  const { byField, missing, organAt, unread } = useContext(FindingsContext);
  const list = byField.get(field) ?? [];
  const sev = worst(list.map((l) => l.finding));
  const isMissing = missing?.field === field;
  const unreadLine = unread?.has(field) ? (
    <div className="xt-chk-msg is-unread" data-unread={field}>
      全文中未能读出此项，请核对原文后填写
    </div>
  ) : null;
  let help: ReactNode;
  if (list.length > 0) {
    help = (
      <div className="xt-chk-help">
        {list.map((l, i) => (
          <FindingLine key={i} l={l} where={l.index !== null ? describeLocation(l, (idx) => organAt(field, idx)).replace(/^[^「第]*/, '') : undefined} />
        ))}
        {unreadLine}
      </div>
    );
  } else if (isMissing) {
    help = <div className="xt-chk-msg is-missing">请先填写{missing.index !== null || missing.sub ? `：${describeLocation(missing)}` : '此项'}</div>;
  } else if (unreadLine) {
    help = <div className="xt-chk-help">{unreadLine}</div>;
  }
  return (
    <Form.Item
      {...rest}
      className={[fieldClass(field), className].filter(Boolean).join(' ')}
      validateStatus={sev ? SEVERITY[sev].status : undefined}
      help={help}
    >
      {children}
    </Form.Item>
  );
}
