import type { App } from 'antd';
import { errorMessage } from '../api';

type AppApi = ReturnType<typeof App.useApp>;

/**
 * Asks before a soft delete; the dialog stays open (with its spinner) until the core answers. The
 * delete's own invalidation refreshes what showed the record; `done` is for leaving its page.
 */
export function confirmDelete(app: AppApi, { title, content, run, done }: { title: string; content?: string; run: () => Promise<unknown>; done?: () => void }): void {
  app.modal.confirm({
    title,
    content,
    okText: '删除',
    okButtonProps: { danger: true },
    cancelText: '取消',
    onOk: async () => {
      try {
        await run();
        app.message.success('已删除');
        done?.();
      } catch (e) {
        app.message.error(errorMessage(e));
      }
    },
  });
}
