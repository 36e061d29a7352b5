import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

/** Shown where a child record cannot be loaded (deleted meanwhile, or a stale link). */
export function ChildUnavailable({ message }: { message: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="warning"
      title={message}
      extra={
        <Button type="primary" onClick={() => navigate('/children')}>
          返回儿童台账
        </Button>
      }
    />
  );
}
