import { Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { MEAL_TIMES, OPERATING_MODELS, SITE_AREAS, SITE_KINDS, SITE_STATUSES, WEEKDAYS } from '../../../../shared/domain/meals';
import { DateField, notAfterToday } from '../../../ui/DateField';
import { COL, GUTTER } from '../../../ui/formLayout';
import { optionsOf } from '../../../ui/options';
import { VillagePicker } from '../../places/VillagePicker';

// Numbers are not clamped or rounded by the inputs: a wrong one is kept and explained in the contract's words.
const NUMBER = { style: { width: '100%' } } as const;

export function SiteBasicSection() {
  return (
    <Card title="基本信息" size="small">
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="助餐点名称" name="name" required>
            <Input maxLength={50} placeholder="如：百花村老年助餐点" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="助餐点类型" name="kind" required>
            <Select options={optionsOf(SITE_KINDS)} placeholder="选择类型" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="城乡类型" name="area" required>
            <Radio.Group options={optionsOf(SITE_AREAS)} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="所在村（居）" name="villageCode" required>
            <VillagePicker />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="地址" name="address">
            <Input maxLength={100} placeholder="如：百花村村委会东侧" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

export function SiteOperationSection({ running }: { running: boolean }) {
  return (
    <Card title="运营" size="small">
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="运营模式" name="operatingModel" required>
            <Select options={optionsOf(OPERATING_MODELS)} placeholder="选择运营模式" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="运营方" name="operator" required>
            <Input maxLength={50} placeholder="如：百花村村民委员会" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="任务年度" name="taskYear">
            <InputNumber {...NUMBER} placeholder="如：2024" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="联系人" name="contactName">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="联系电话" name="contactPhone">
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="建成日期" name="builtOn" required={running} rules={[notAfterToday('建成日期')]}>
            <DateField />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="运营状态" name="status" required>
            <Radio.Group options={optionsOf(SITE_STATUSES)} optionType="button" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="状态起始日期" name="statusSince" required rules={[notAfterToday('状态起始日期')]}>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

export function SiteServingSection() {
  return (
    <Card title="供餐" size="small">
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="供餐餐次" name="mealTimes" required>
            <Checkbox.Group options={optionsOf(MEAL_TIMES)} />
          </Form.Item>
        </Col>
        <Col xs={24} xl={16}>
          <Form.Item label="供餐日" name="servingDays" required>
            <Checkbox.Group options={optionsOf(WEEKDAYS)} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="日供餐能力" name="dailyCapacity" required extra="每天最多可供应的份数">
            <InputNumber {...NUMBER} suffix="份" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="座位数" name="seats">
            <InputNumber {...NUMBER} suffix="座" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="提供送餐" name="delivery">
            <Radio.Group
              options={[
                { value: true, label: '提供' },
                { value: false, label: '不提供' },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

export function SiteLicenceSection() {
  return (
    <Card title="许可与备注" size="small">
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="食品经营许可证号" name="licenceNo">
            <Input maxLength={40} placeholder="如：JY13417230000000" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="许可证有效期至" name="licenceExpiresOn">
            <DateField />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label="备注" name="notes">
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
