import { Card, Col, Form, Input, Row } from 'antd';
import { DateField, notAfterToday } from '../../../../ui/DateField';
import { COL, GUTTER } from '../../../../ui/formLayout';

/** When she entered and left the register, and free notes. */
export function RegisterSection() {
  return (
    <Card title="登记情况" size="small">
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="登记日期" name="sinceOn" required tooltip="年龄按登记日期计算，须为20—59周岁" rules={[notAfterToday('登记日期')]}>
            <DateField />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="退出日期" name="endedOn" tooltip="丈夫返乡或本人迁出后填写；填写后不再计入在册人数" rules={[notAfterToday('退出日期')]}>
            <DateField placeholder="仍在册则不填" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="备注" name="notes">
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
    </Card>
  );
}
