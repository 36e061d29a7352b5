import { Button, Flex } from 'antd';

interface FormActionsProps {
  saving: boolean;
  testId: string;
  /** Without it the save button submits the form, so Enter in a field saves. */
  onSave?: () => void;
  onCancel: () => void;
}

/** 保存 and 取消 under a page's form. */
export function FormActions({ saving, testId, onSave, onCancel }: FormActionsProps) {
  return (
    <Flex gap={8} className="form-actions">
      <Button type="primary" htmlType={onSave ? 'button' : 'submit'} onClick={onSave} loading={saving} data-testid={testId}>
        保存
      </Button>
      <Button onClick={onCancel} disabled={saving}>
        取消
      </Button>
    </Flex>
  );
}
