import { Flex, Skeleton, Typography } from 'antd';
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { InputOf, ResultOf } from '../../../shared/contract';
import { errorMessage, useLedgerQuery } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import { RecordUnavailable } from '../../ui/RecordUnavailable';

/** A register's read of one person, by id. */
type GetOperation = 'children.get' | 'elders.get' | 'women.get';

export interface RegisterFormProps<V> {
  id: string | undefined;
  initialValues: V;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

interface RegisterFormPageProps<K extends GetOperation, V> {
  /** The list's path (`/elders`); a record's page is `${listPath}/${id}`. */
  listPath: string;
  listTitle: string;
  titles: { add: string; edit: string };
  subtitle: string;
  /** Reads the record being edited; the save's own invalidation refreshes the list and the record. */
  get: K;
  toValues: (record: ResultOf<K>) => V;
  blank: () => V;
  renderForm: (props: RegisterFormProps<V>) => ReactNode;
}

/** 新增 at `${listPath}/new`, 编辑 at `${listPath}/:id/edit`. */
export function RegisterFormPage<K extends GetOperation, V>({ listPath, listTitle, titles, subtitle, get, toValues, blank, renderForm }: RegisterFormPageProps<K, V>) {
  const { id } = useParams<{ id: string }>();
  const navigate = useNavigate();
  // The page instance survives a move between records (edit → new, edit A → edit B); the form reads
  // its initial values only when mounted, so values are kept per record key and never shown for another.
  const key = id ?? 'new';
  const query = useLedgerQuery(get, { id: id ?? '' } as InputOf<K>, { enabled: id !== undefined });
  // Every register's record has the person's name: the title shows it.
  const record = (id && !query.isError ? (query.data ?? null) : null) as (ResultOf<K> & { name: string }) | null;
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
      {id && query.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
      {id && query.isError && <RecordUnavailable message={errorMessage(query.error)} listPath={listPath} listTitle={listTitle} />}
      {(!id || record) && (
        <Fragment key={key}>
          {renderForm({
            id,
            initialValues,
            onCancel: back,
            onSaved: (savedId) => navigate(`${listPath}/${savedId}`),
          })}
        </Fragment>
      )}
    </Flex>
  );
}
