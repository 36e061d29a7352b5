import type { ThemeConfig } from 'antd';

/** Calm and legible on the old office monitors the stations use: muted teal, Chinese system fonts first. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#2b6f84',
    colorInfo: '#2b6f84',
    colorBgLayout: '#f3f5f7',
    borderRadius: 6,
    fontSize: 14,
    fontFamily:
      "'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', -apple-system, 'Segoe UI', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#1f3a44', headerPadding: '0 24px', headerHeight: 56 },
    Menu: { darkItemBg: '#1f3a44', darkItemSelectedBg: '#2b6f84', darkSubMenuItemBg: '#1a323b' },
    Card: { headerFontSize: 15 },
  },
};
