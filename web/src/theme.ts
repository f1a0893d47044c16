import type { ThemeConfig } from 'antd';

/** Restrained office colours: a deep red brand bar, deep blue actions, square-ish corners. */
export const BRAND_RED = '#8f1d22';
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
  },
  components: {
    Layout: { headerBg: BRAND_RED, headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff' },
    Menu: { itemSelectedBg: '#e8eef6', itemSelectedColor: '#1d4e89' },
    Table: { headerBg: '#f5f6f8' },
  },
};
