import { Col, Form } from 'antd';
import { DateField, notAfterToday } from '../../ui/DateField';
import { COL } from '../../ui/formLayout';

/** When the person was recognised as in a category (item `index` of its form list), and left it. */
export function RecognitionDates({ index }: { index: number }) {
  return (
    <>
      <Col {...COL}>
        <Form.Item label="认定日期" name={[index, 'startDate']} required rules={[notAfterToday('认定日期')]}>
          <DateField />
        </Form.Item>
      </Col>
      <Col {...COL}>
        <Form.Item label="退出日期" name={[index, 'endDate']} extra="仍属于该类别时不填">
          <DateField />
        </Form.Item>
      </Col>
    </>
  );
}
