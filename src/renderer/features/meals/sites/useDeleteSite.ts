import { App } from 'antd';
import type { MealSiteRecord } from '../../../../shared/contract';
import { useLedgerMutation } from '../../../api';
import { confirmDelete } from '../../../ui/confirmDelete';

/**
 * 删除 of a site, asked first. The core refuses a site that has meals (they are the basis of paid
 * subsidies); its message, saying to mark the site 停运 instead, is shown as it comes.
 */
export function useDeleteSite(done: () => void): (site: MealSiteRecord) => void {
  const app = App.useApp();
  const del = useLedgerMutation('meals.sites.delete');
  return (site) =>
    confirmDelete(app, {
      title: `确定删除助餐点“${site.name}”吗？`,
      content: '删除后该助餐点及其就餐人员登记不再显示。已有就餐记录的助餐点不能删除，请改为“停运”。',
      run: () => del.mutateAsync({ id: site.id }),
      done,
    });
}
