import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Flex, Form, Radio, Row, Select } from 'antd';
import {
  CHILD_CATEGORIES,
  DIFFICULTY_KINDS,
  LEFT_BEHIND_REASONS,
  ORPHAN_CARE,
  ORPHAN_REASONS,
  UNSUPPORTED_REASONS,
  type ChildCategory,
} from '../../../../../shared/domain/children';
import { optionsOf } from '../../../../ui/options';
import { RecognitionDates } from '../../../people/RecognitionDates';
import { COL, GUTTER } from '../../../../ui/formLayout';

const MAX_CATEGORIES = 8;

/** The pickers each category needs, named as on the recognition documents. */
function CategoryDetails({ index, category }: { index: number; category: ChildCategory | undefined }) {
  switch (category) {
    case 'left_behind':
      return (
        <Col {...COL}>
          <Form.Item label="留守情形" name={[index, 'reason']} required>
            <Select options={optionsOf(LEFT_BEHIND_REASONS)} placeholder="选择留守情形" />
          </Form.Item>
        </Col>
      );
    case 'orphan':
      return (
        <>
          <Col {...COL}>
            <Form.Item label="孤儿认定情形" name={[index, 'reason']} required>
              <Select options={optionsOf(ORPHAN_REASONS)} placeholder="选择认定情形" />
            </Form.Item>
          </Col>
          <Col {...COL}>
            <Form.Item label="养育方式" name={[index, 'care']} required>
              <Radio.Group options={optionsOf(ORPHAN_CARE)} />
            </Form.Item>
          </Col>
        </>
      );
    case 'unsupported':
      return (
        <Col span={24}>
          <Form.Item label="父母的情形" name={[index, 'reasons']} required extra="父母双方（或在世一方）的情形，可多选">
            <Checkbox.Group options={optionsOf(UNSUPPORTED_REASONS)} />
          </Form.Item>
        </Col>
      );
    case 'difficulty':
      return (
        <Col span={24}>
          <Form.Item label="困境类型" name={[index, 'reasons']} required extra="可多选">
            <Checkbox.Group options={optionsOf(DIFFICULTY_KINDS)} />
          </Form.Item>
        </Col>
      );
    default:
      return null;
  }
}

function CategoryItem({ index, position, onRemove, removable }: { index: number; position: number; onRemove: () => void; removable: boolean }) {
  const form = Form.useFormInstance();
  const category = Form.useWatch<ChildCategory | undefined>(['categories', index, 'category'], form);
  const resetDetails = () => {
    form.setFieldValue(['categories', index, 'reason'], undefined);
    form.setFieldValue(['categories', index, 'reasons'], []);
    form.setFieldValue(['categories', index, 'care'], undefined);
  };
  return (
    <Card
      type="inner"
      size="small"
      title={`类别 ${position + 1}`}
      className="category-item"
      data-testid={`child-category-${position}`}
      extra={
        removable ? (
          <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={onRemove}>
            删除此类别
          </Button>
        ) : undefined
      }
    >
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="儿童类别" name={[index, 'category']} required>
            <Select options={optionsOf(CHILD_CATEGORIES)} placeholder="选择类别" onChange={resetDetails} />
          </Form.Item>
        </Col>
        <RecognitionDates index={index} />
        <CategoryDetails index={index} category={category} />
      </Row>
      {category === 'unsupported' && (
        <Alert type="warning" showIcon title="事实无人抚养儿童信息涉及隐私，不得公开公示。" />
      )}
    </Card>
  );
}

export function CategoriesSection() {
  return (
    <Card title="儿童类别" size="small" extra={<span className="card-hint">一名儿童可同时属于多个类别，各有认定和退出日期</span>}>
      <Form.List name="categories">
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={12}>
            {fields.map((field, position) => (
              <CategoryItem
                key={field.key}
                index={field.name}
                position={position}
                removable={fields.length > 1}
                onRemove={() => remove(field.name)}
              />
            ))}
            <Form.ErrorList errors={errors} />
            {fields.length < MAX_CATEGORIES && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ reasons: [] })}>
                添加类别
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}
