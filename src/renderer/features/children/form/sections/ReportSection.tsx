import { Alert, Card, Col, Form, Input, Row } from 'antd';
import { DateField, notAfterToday } from '../../../../ui/DateField';
import { COL, GUTTER } from '../../../../ui/formLayout';

interface ReportSectionProps {
  /** 无人监护 / 辍学: why this child must be reported; empty when none applies. */
  reasons: string[];
}

/** 强制报告: a child without capable care or out of school must be reported to the police at once. */
export function ReportSection({ reasons }: ReportSectionProps) {
  const required = reasons.length > 0;
  return (
    <Card title="强制报告记录" size="small" className={required ? 'card-danger' : undefined} id="child-report-section">
      {required && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`该儿童属于${reasons.join('、')}，须立即向公安机关报告`}
          description="报告后请在此记录报告日期、接收报告的单位和处理情况；未记录前，台账中该儿童会一直标红提示。"
        />
      )}
      {!required && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="监护类型为“无人监护”或就学情况为“辍学”时须强制报告；其他情况如已报告，也可在此记录。"
        />
      )}
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="报告日期" name="reportDate" rules={[notAfterToday('报告日期')]}>
            <DateField />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="报告单位" name="reportAgency">
            <Input maxLength={50} placeholder="如：某某派出所" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="报告情况" name="reportNote">
            <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder="报告方式、接报人、后续处置等" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
