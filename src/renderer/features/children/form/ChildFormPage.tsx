import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { errorData, ledger } from '../../../api';
import { ChildUnavailable } from '../ChildUnavailable';
import { useChildListStore } from '../list/listStore';
import { ChildForm } from './ChildForm';
import { newChildValues, recordToValues, type ChildFormValues } from './formValues';

type Loaded = { state: 'loading' } | { state: 'ready'; values: ChildFormValues; name?: string } | { state: 'error'; message: string };

/** 新增 at /children/new, 编辑 at /children/:id/edit. */
export function ChildFormPage() {
  const { id } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const invalidate = useChildListStore((s) => s.invalidate);
  // The page instance survives a move between records (edit → new, edit A → edit B); the form reads
  // its initial values only when mounted, so values are kept per record key and never shown for another.
  const key = id ?? 'new';
  const [fetched, setFetched] = useState<{ key: string; loaded: Loaded } | null>(null);
  const blank = useMemo<Loaded>(() => ({ state: 'ready', values: newChildValues() }), []);
  const loaded: Loaded = !id ? blank : fetched?.key === key ? fetched.loaded : { state: 'loading' };

  useEffect(() => {
    if (!id) return;
    let live = true;
    ledger()
      .call('children.get', { id })
      .then((r) => live && setFetched({ key: id, loaded: { state: 'ready', values: recordToValues(r), name: r.name } }))
      .catch((e: unknown) => live && setFetched({ key: id, loaded: { state: 'error', message: errorData(e).message } }));
    return () => {
      live = false;
    };
  }, [id]);

  const back = () => navigate(id ? `/children/${id}` : '/children');

  return (
    <Flex vertical gap={16} className="page">
      <Flex align="center" gap={8}>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label="返回" />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {id ? `编辑儿童信息${loaded.state === 'ready' && loaded.name ? `：${loaded.name}` : ''}` : '新增儿童'}
        </Typography.Title>
        <Typography.Text type="secondary">农村留守儿童和困境儿童基本情况登记</Typography.Text>
      </Flex>
      {loaded.state === 'loading' && <Skeleton active paragraph={{ rows: 10 }} />}
      {loaded.state === 'error' && <ChildUnavailable message={loaded.message} />}
      {loaded.state === 'ready' && (
        <ChildForm
          key={key}
          childId={id}
          initialValues={loaded.values}
          onCancel={back}
          onSaved={(savedId) => {
            invalidate();
            navigate(`/children/${savedId}`);
          }}
        />
      )}
    </Flex>
  );
}
