import type { ThemeConfig } from 'antd';

/** Restrained office colours: a deep red brand bar, deep blue actions, square-ish corners. */
export const BRAND_RED = '#8f1d22';

/**
 * Secondary text (descriptions, hints, placeholders, empty states, muted table cells): antd's
 * default grey (rgba(0,0,0,.45), #8c8c8c on white) is 3.4:1, below the 4.5:1 that GB/T 37668 /
 * WCAG 2.1 AA 1.4.3 asks of text. At .56 it is at least 4.7:1 on every background of the app
 * (white, #fafafa, the layout's #f3f4f6, the menu's #e8eef6) and still lighter than
 * colorTextSecondary (.65), so the hierarchy stays. styles.css uses the same value (--xt-text-muted).
 */
export const TEXT_MUTED = 'rgba(0, 0, 0, 0.56)';

/**
 * Tag text: antd draws a preset tag's text in the colour's 7th shade on its 1st, which for
 * green, cyan, orange, gold, lime and volcano is 2.5–4.4:1. These shades give 4.5:1 or more on
 * the tag's own background and on white; the tag's background and border stay antd's.
 */
const TAG_TEXT = {
  green7: '#237804',
  cyan7: '#006d75',
  orange7: '#ad4e00',
  gold7: '#946000',
  lime7: '#3f6600',
  volcano7: '#ad2102',
  yellow7: '#7a5c00',
} as const;
/**
 * The status tags (color="success" / "warning") draw their text in the status colour itself
 * (#52c41a, #faad14: 2:1); in tags those are the darker shades. processing and error are the
 * brand blue and red, 5:1 and more already.
 */
const STATUS_TEXT = { colorSuccess: TAG_TEXT.green7, colorWarning: TAG_TEXT.orange7 } as const;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4e89',
    colorInfo: '#1d4e89',
    colorLink: '#1d4e89',
    colorError: '#c0262d',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif',
    colorBgLayout: '#f3f4f6',
    colorTextTertiary: TEXT_MUTED,
    colorTextDescription: TEXT_MUTED,
    colorTextPlaceholder: TEXT_MUTED,
    // Typography type="success" / "warning" and similar text
    colorSuccessText: TAG_TEXT.green7,
    colorWarningText: TAG_TEXT.orange7,
  },
  components: {
    Layout: { headerBg: BRAND_RED, headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
    Menu: { itemSelectedBg: '#e8eef6', itemSelectedColor: '#1d4e89' },
    Table: { headerBg: '#f5f6f8' },
    Tag: { ...TAG_TEXT, ...STATUS_TEXT },
    // the month calendar draws the days of the months before and after in the "disabled" grey
    // (#bfbfbf, 1.8:1), though they can be chosen like any other day
    Calendar: { colorTextDisabled: TEXT_MUTED },
  },
};
