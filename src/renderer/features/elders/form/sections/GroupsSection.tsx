import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, Row, Select } from 'antd';
import { DISABLED_CARE_SCORE_BELOW, ELDER_GROUPS, HIGH_AGE_MIN, type ElderGroup } from '../../../../../shared/domain/elders';
import { COL, GUTTER } from '../../../../ui/formLayout';
import { optionsOf } from '../../../../ui/options';
import { RecognitionDates } from '../../../people/RecognitionDates';

const MAX_GROUPS = 16;

/** What recognising each group requires of the rest of the form (the core checks the same). */
const GROUP_RULES: Partial<Record<ElderGroup, string>> = {
  living_alone: '居住情况须为“独居”',
  empty_nest: '居住情况须为“独居”或“与配偶同住”',
  disabled_care: `能力评估得分须低于${DISABLED_CARE_SCORE_BELOW}分`,
  severe_disability: '残疾等级须为一级或二级',
  high_age: `认定日期时须年满${HIGH_AGE_MIN}周岁`,
  dispersed_tekun: '经济状况须为“特困”',
};

function GroupItem({ index, position, onRemove }: { index: number; position: number; onRemove: () => void }) {
  const form = Form.useFormInstance();
  const group = Form.useWatch<ElderGroup | undefined>(['groups', index, 'group'], form);
  const rule = group ? GROUP_RULES[group] : undefined;
  return (
    <Card
      type="inner"
      size="small"
      title={`类别 ${position + 1}`}
      className="elder-group-item"
      data-testid={`elder-group-${position}`}
      extra={
        <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={onRemove}>
          删除此类别
        </Button>
      }
    >
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="对象类别" name={[index, 'group']} required extra={rule}>
            <Select options={optionsOf(ELDER_GROUPS)} placeholder="选择类别" />
          </Form.Item>
        </Col>
        <RecognitionDates index={index} />
        <Col span={24}>
          <Form.Item label="说明" name={[index, 'note']}>
            <Input maxLength={100} placeholder="如：认定文件、子女外出务工地等" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

export function GroupsSection() {
  return (
    <Card title="对象类别" size="small" extra={<span className="card-hint">一位老人可同时属于多个类别，各有认定和退出日期</span>}>
      <Form.List name="groups">
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={12}>
            {fields.map((field, position) => (
              <GroupItem key={field.key} index={field.name} position={position} onRemove={() => remove(field.name)} />
            ))}
            <Form.ErrorList errors={errors} />
            {fields.length < MAX_GROUPS && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="elder-group-add">
                添加类别
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}
