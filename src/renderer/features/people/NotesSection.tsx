import { Card, Form, Input } from 'antd';

/** 备注 at the end of a registration form. */
export function NotesSection() {
  return (
    <Card title="备注" size="small">
      <Form.Item label="备注" name="notes">
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
    </Card>
  );
}
