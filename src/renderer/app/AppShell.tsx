import { CoffeeOutlined, DashboardOutlined, FileDoneOutlined, HeartOutlined, SafetyOutlined, SettingOutlined, SyncOutlined, TeamOutlined, WomanOutlined } from '@ant-design/icons';
import { Flex, Layout, Menu, Tag, Typography } from 'antd';
import type { StationInfo } from '../../shared/contract';
import { useLocation, useNavigate } from 'react-router';
import { AppRoutes } from './AppRoutes';

// Only registers that work are listed; others join as they are built.
const MENU = [
  { key: '/', icon: <DashboardOutlined />, label: '工作台' },
  { key: '/children', icon: <TeamOutlined />, label: '儿童台账' },
  { key: '/elders', icon: <HeartOutlined />, label: '老人台账' },
  { key: '/women', icon: <WomanOutlined />, label: '留守妇女' },
  { key: '/visits', icon: <FileDoneOutlined />, label: '走访记录' },
  { key: '/meals', icon: <CoffeeOutlined />, label: '老年助餐' },
  { key: '/drowning', icon: <SafetyOutlined />, label: '防溺水' },
  { key: '/sync', icon: <SyncOutlined />, label: '数据同步' },
  { key: '/settings/rules', icon: <SettingOutlined />, label: '规则设置' },
];

function selectedKey(pathname: string): string {
  return MENU.find((m) => pathname === m.key || pathname.startsWith(`${m.key}/`))?.key ?? '';
}

export function AppShell({ station }: { station: StationInfo }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Layout className="app-shell">
      <Layout.Sider width={200} breakpoint="lg" collapsedWidth={64} className="app-sider">
        <div className="app-brand">社工站台账</div>
        <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(pathname)]} items={MENU} onClick={({ key }) => navigate(key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Flex align="center" gap={10}>
            <Typography.Text strong data-testid="station-name" style={{ fontSize: 16 }}>
              {station.name}
            </Typography.Text>
            <Tag>{station.role === 'county' ? '县民政局' : '乡镇站点'}</Tag>
            <Typography.Text type="secondary">
              {station.countyName ? `${station.countyName} · ` : ''}代码 {station.code}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" className="app-version">
            版本 {station.appVersion}
          </Typography.Text>
        </Layout.Header>
        <Layout.Content className="app-content">
          <AppRoutes />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
