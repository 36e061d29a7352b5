import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { MealSiteRecord } from '../../../../shared/contract';
import { labelOf } from '../../../../shared/domain/labels';
import { MEAL_TIMES, OPERATING_MODELS, SITE_AREAS, SITE_KINDS, WEEKDAYS } from '../../../../shared/domain/meals';
import { formatDateTime } from '../../../ui/dates';
import { DetailSection, FULL_ROW } from '../../../ui/DetailSection';
import { labelsOf } from '../../../ui/options';
import { EMPTY } from '../../../ui/personLabels';
import { licenceState, LICENCE_WARNING_DAYS, SiteStatusTag } from './siteLabels';
import { useDeleteSite } from './useDeleteSite';

const orEmpty = (v: string | number | undefined) => (v === undefined || v === '' ? EMPTY : v);

/** The licence's last day; orange within the month before it, red once past. */
function LicenceExpiry({ expiresOn }: { expiresOn: string | undefined }) {
  if (!expiresOn) return <>{EMPTY}</>;
  const state = licenceState(expiresOn);
  if (state === 'valid') return <>{expiresOn}</>;
  return (
    <Typography.Text type={state === 'expired' ? 'danger' : 'warning'} strong data-testid="meal-site-licence-warning">
      {expiresOn}（{state === 'expired' ? '已过期' : `${LICENCE_WARNING_DAYS}天内到期`}）
    </Typography.Text>
  );
}

/** 基本信息: the site's record as entered, with 编辑 and 删除. */
export function SiteInfo({ site }: { site: MealSiteRecord }) {
  const navigate = useNavigate();
  const remove = useDeleteSite(() => navigate('/meals'));
  const actions = (
    <Flex gap={8}>
      <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/meals/sites/${site.id}/edit`)} data-testid="meal-site-edit">
        编辑
      </Button>
      <Button danger icon={<DeleteOutlined />} onClick={() => remove(site)} data-testid="meal-site-delete">
        删除
      </Button>
    </Flex>
  );
  return (
    <Flex vertical gap={20} data-testid="meal-site-info">
      <DetailSection
        title="基本信息"
        extra={actions}
        items={[
          { key: 'name', label: '助餐点名称', children: site.name },
          { key: 'kind', label: '助餐点类型', children: labelOf(SITE_KINDS, site.kind) },
          { key: 'area', label: '城乡类型', children: labelOf(SITE_AREAS, site.area) },
          { key: 'place', label: '所在村（居）', children: `${site.townshipName} ${site.villageName}` },
          { key: 'address', label: '地址', span: 2, children: orEmpty(site.address) },
        ]}
      />
      <DetailSection
        title="运营"
        items={[
          { key: 'model', label: '运营模式', children: labelOf(OPERATING_MODELS, site.operatingModel) },
          { key: 'operator', label: '运营方', children: site.operator },
          { key: 'year', label: '任务年度', children: orEmpty(site.taskYear) },
          { key: 'contact', label: '联系人', children: orEmpty(site.contactName) },
          { key: 'phone', label: '联系电话', children: orEmpty(site.contactPhone) },
          { key: 'built', label: '建成日期', children: orEmpty(site.builtOn) },
          {
            key: 'status',
            label: '运营状态',
            children: (
              <>
                <SiteStatusTag status={site.status} /> 自 {site.statusSince}
              </>
            ),
          },
        ]}
      />
      <DetailSection
        title="供餐"
        items={[
          { key: 'times', label: '供餐餐次', children: labelsOf(MEAL_TIMES, site.mealTimes).join('、') },
          { key: 'days', label: '供餐日', children: labelsOf(WEEKDAYS, site.servingDays).join('、') },
          { key: 'delivery', label: '提供送餐', children: site.delivery ? '提供' : '不提供' },
          { key: 'capacity', label: '日供餐能力', children: `${site.dailyCapacity} 份` },
          { key: 'seats', label: '座位数', children: site.seats === undefined ? EMPTY : `${site.seats} 座` },
          { key: 'diners', label: '今日在册就餐', children: `${site.diners} 人` },
        ]}
      />
      <DetailSection
        title="许可与备注"
        items={[
          { key: 'licence', label: '食品经营许可证号', children: orEmpty(site.licenceNo) },
          { key: 'expires', label: '许可证有效期至', children: <LicenceExpiry expiresOn={site.licenceExpiresOn} /> },
          { key: 'updated', label: '最后修改', children: formatDateTime(site.updatedAt) ?? EMPTY },
          { key: 'notes', label: '备注', span: FULL_ROW, children: orEmpty(site.notes) },
        ]}
      />
    </Flex>
  );
}
