import { cloneElement, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import { DatePicker as AntDatePicker, Select, type DatePickerProps, type SelectProps } from 'antd';
import type { RangePickerProps as AntRangePickerProps } from 'antd/es/date-picker';
import type { Dayjs } from 'dayjs';
import { useDepartments, useLeaders, usePeople } from '../features/org/api';
import { dayMark, useDayInfo, type DayMark } from '../lib/holidays';
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

// ── dates: holidays and 调休 marked in every picker ───────────────────────

const MARK_COLOR: Record<DayMark['kind'], string> = { holiday: '#c0262d', workday: '#ad4e00' };
const SHORT_STYLE: CSSProperties = {
  position: 'absolute',
  top: -6,
  right: -7,
  fontSize: 10,
  lineHeight: 1,
  fontWeight: 600,
  pointerEvents: 'none',
};
const FULL_STYLE: CSSProperties = { fontSize: 12, fontWeight: 400, whiteSpace: 'nowrap' };

/**
 * The mark of a holiday (国庆节) or a working weekend (调休上班): in a picker cell the one character
 * 休 / 班, elsewhere (`full`) the name itself; either way the name is its title and aria-label.
 */
export function DayMarkView({ mark, full, style }: { mark: DayMark; full?: boolean; style?: CSSProperties }) {
  return (
    <span
      className={`xt-day-mark is-${mark.kind}`}
      data-mark={mark.kind}
      title={mark.name}
      aria-label={mark.name}
      role="img"
      style={{ ...(full ? FULL_STYLE : SHORT_STYLE), color: MARK_COLOR[mark.kind], ...style }}
    >
      {full ? mark.name : mark.short}
    </span>
  );
}

type CellInner = ReactElement<{ className?: string; style?: CSSProperties; title?: string; children?: ReactNode }>;

/** One date cell of a picker panel: antd's own cell with the day's mark in its corner. */
function PickerDay({ date, originNode }: { date: string; originNode: CellInner }) {
  const mark = dayMark(useDayInfo(date));
  if (!mark) return originNode;
  const { className, style, children } = originNode.props;
  return cloneElement(
    originNode,
    { className: `${className ?? ''} xt-day is-${mark.kind}`, style: { ...style, position: 'relative' }, title: `${date} ${mark.name}` },
    children,
    <DayMarkView key="mark" mark={mark} />,
  );
}

type CellRender = NonNullable<DatePickerProps['cellRender']>;

/** The `cellRender` of every date picker: date (and week) cells get the holiday / 调休 mark. */
export const holidayCellRender: CellRender = (current, info) => {
  if ((info.type !== 'date' && info.type !== 'week') || typeof current !== 'object' || !current) return info.originNode;
  return <PickerDay date={(current as Dayjs).format('YYYY-MM-DD')} originNode={info.originNode as CellInner} />;
};

/** antd's DatePicker with holidays and 调休 marked in its panel — the one to use everywhere. */
export function DatePicker(props: DatePickerProps<Dayjs, false>) {
  return <AntDatePicker cellRender={holidayCellRender} {...props} />;
}

/** antd's RangePicker with holidays and 调休 marked in its panels. */
export function RangePicker(props: AntRangePickerProps) {
  return <AntDatePicker.RangePicker cellRender={holidayCellRender} {...props} />;
}
