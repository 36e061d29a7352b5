import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

/** Shown where a record cannot be loaded (deleted meanwhile, or a stale link), with the way back to its list. */
export function RecordUnavailable({ message, listPath, listTitle }: { message: string; listPath: string; listTitle: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="warning"
      title={message}
      extra={
        <Button type="primary" onClick={() => navigate(listPath)}>
          {`返回${listTitle}`}
        </Button>
      }
    />
  );
}
