import { useMemo } from 'react';
import { Select, Tag, type SelectProps } from 'antd';
import type { Organ } from '../../../lib/types';
import { LEVEL_LABELS } from '../labels';

type Props = Omit<SelectProps, 'options' | 'loading'> & {
  organs: readonly Organ[];
  loading?: boolean;
  /** multiple, the first chosen is the 主办机关 (issuers) */
  leadFirst?: boolean;
};

const SEARCH = { optionFilterProp: ['label', 'search'] };

/** Pick organs of the organisation by (short) name; the list shows level and kind. */
export function OrganSelect({ organs, loading, leadFirst, value, ...props }: Props) {
  const options = useMemo(
    () =>
      [...organs]
        .sort((a, b) => a.level - b.level || Number(!!a.parentId) - Number(!!b.parentId) || a.name.localeCompare(b.name, 'zh-CN'))
        .map((o) => ({
          value: o.id,
          label: o.name,
          search: `${o.name} ${o.shortName ?? ''}`,
          meta: `${LEVEL_LABELS[o.level] ?? `${o.level}级`} · ${o.kind}`,
        })),
    [organs],
  );
  const chosen: string[] = Array.isArray(value) ? value : [];
  return (
    <Select
      showSearch={SEARCH}
      allowClear
      placeholder="输入机关名称搜索"
      loading={loading}
      options={options}
      value={value}
      optionRender={(o) => (
        <span className="xt-chk-organ-opt">
          <span>{o.label}</span>
          <span className="xt-chk-organ-meta">{(o.data as { meta: string }).meta}</span>
        </span>
      )}
      tagRender={
        leadFirst
          ? ({ label, value: v, closable, onClose }) => (
              <Tag
                closable={closable}
                onClose={onClose}
                onMouseDown={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                }}
                color={chosen[0] === v ? 'geekblue' : undefined}
                className="xt-chk-organ-tag"
              >
                {label}
                {chosen[0] === v && chosen.length > 1 ? '（主办）' : ''}
              </Tag>
            )
          : undefined
      }
      {...props}
    />
  );
}
