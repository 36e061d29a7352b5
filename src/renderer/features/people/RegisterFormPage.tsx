import { Flex, Skeleton, Typography } from 'antd';
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { RecordUnavailable } from '../../ui/RecordUnavailable';
import { useLoaded } from '../../ui/useLoaded';

export interface RegisterFormProps<V> {
  id: string | undefined;
  initialValues: V;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

interface RegisterFormPageProps<Rec extends { name: string }, V> {
  /** The list's path (`/elders`); a record's page is `${listPath}/${id}`. */
  listPath: string;
  listTitle: string;
  titles: { add: string; edit: string };
  subtitle: string;
  load: (id: string) => Promise<Rec>;
  toValues: (record: Rec) => V;
  blank: () => V;
  /** Called once saved: the list fetches again when next shown. */
  invalidate: () => void;
  renderForm: (props: RegisterFormProps<V>) => ReactNode;
}

/** 新增 at `${listPath}/new`, 编辑 at `${listPath}/:id/edit`. */
export function RegisterFormPage<Rec extends { name: string }, V>({
  listPath,
  listTitle,
  titles,
  subtitle,
  load,
  toValues,
  blank,
  invalidate,
  renderForm,
}: RegisterFormPageProps<Rec, V>) {
  const { id } = useParams<{ id: string }>();
  const navigate = useNavigate();
  // The page instance survives a move between records (edit → new, edit A → edit B); the form reads
  // its initial values only when mounted, so values are kept per record key and never shown for another.
  const key = id ?? 'new';
  const { loaded } = useLoaded(id, () => load(id ?? ''));
  const record = id && loaded.state === 'ready' ? loaded.value : null;
  const [blankValues] = useState(blank);
  const initialValues = useMemo(() => (record ? toValues(record) : blankValues), [record, toValues, blankValues]);

  const back = () => navigate(id ? `${listPath}/${id}` : listPath);

  return (
    <Flex vertical gap={16} className="page">
      <PageHeader
        title={id ? `${titles.edit}${record ? `：${record.name}` : ''}` : titles.add}
        backLabel="返回"
        onBack={back}
        extra={<Typography.Text type="secondary">{subtitle}</Typography.Text>}
      />
      {id && loaded.state === 'loading' && <Skeleton active paragraph={{ rows: 10 }} />}
      {id && loaded.state === 'error' && <RecordUnavailable message={loaded.message} listPath={listPath} listTitle={listTitle} />}
      {(!id || record) && (
        <Fragment key={key}>
          {renderForm({
            id,
            initialValues,
            onCancel: back,
            onSaved: (savedId) => {
              invalidate();
              navigate(`${listPath}/${savedId}`);
            },
          })}
        </Fragment>
      )}
    </Flex>
  );
}
