import { Tag, Tooltip, Typography } from 'antd';
import { fmtDate, fmtDateTime, workingDaysLeft } from '../lib/format';

interface Props {
  value: string | null | undefined;
  /** show the time of day as well (for instants) */
  time?: boolean;
  /** mark with a red 已逾期 tag */
  overdue?: boolean;
  /** show the working days left to the date */
  showLeft?: boolean;
}

/** A date as Chinese offices write it: 2026年10月9日. */
export function ChineseDate({ value, time, overdue, showLeft }: Props) {
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  const left = showLeft && !overdue ? workingDaysLeft(value) : null;
  return (
    <span className="xt-date">
      <span>{time ? fmtDateTime(value) : fmtDate(value)}</span>
      {overdue && (
        <Tag color="red" className="xt-date-tag">
          已逾期
        </Tag>
      )}
      {left !== null && left >= 0 && (
        <Tooltip title="按国家法定节假日及调休安排计算">
          <Typography.Text type={left <= 1 ? 'warning' : 'secondary'} className="xt-date-left">
            {left === 0 ? '今日到期' : `剩${left}个工作日`}
          </Typography.Text>
        </Tooltip>
      )}
    </span>
  );
}
