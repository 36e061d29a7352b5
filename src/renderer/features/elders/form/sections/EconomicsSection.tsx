import { Card, Checkbox, Form, Radio } from 'antd';
import { ECONOMIC_STATUSES, ELDER_BENEFITS } from '../../../../../shared/domain/elders';
import { optionsOf } from '../../../../ui/options';

export function EconomicsSection() {
  return (
    <Card title="经济与待遇" size="small">
      <Form.Item label="经济状况" name="economicStatus" required>
        <Radio.Group options={optionsOf(ECONOMIC_STATUSES)} />
      </Form.Item>
      <Form.Item label="享受待遇" name="benefits" extra="可多选；高龄津贴档次按出生日期自动计算">
        <Checkbox.Group options={optionsOf(ELDER_BENEFITS)} />
      </Form.Item>
    </Card>
  );
}
