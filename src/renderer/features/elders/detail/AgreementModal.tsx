import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect } from 'react';
import { supportAgreementInput, type SupportAgreementInput, type SupportAgreementRecord } from '../../../../shared/contract';
import { ELDER_RELATIONSHIPS, SUPPORT_KINDS } from '../../../../shared/domain/elders';
import { useLedgerMutation } from '../../../api';
import { DateField, notAfterToday } from '../../../ui/DateField';
import { namePathOf } from '../../../ui/formErrors';
import { COL, GUTTER } from '../../../ui/formLayout';
import { optionsOf } from '../../../ui/options';
import { ModalProblem } from '../../../ui/ProblemAlert';
import { useModalForm } from '../../../ui/useModalForm';
import { agreementErrorKey, agreementToValues, valuesToAgreement, type AgreementValues } from './agreementValues';
import { LedgerForm } from '../../../ui/LedgerForm';

const MAX_SUPPORTERS = 12;

interface AgreementModalProps {
  elderId: string;
  /** The agreement being edited; null adds a new one. */
  agreement: SupportAgreementRecord | null;
  open: boolean;
  onClose: () => void;
  onSaved?: () => void;
}

const toPath = (key: string) => namePathOf(agreementErrorKey(key));

function SupporterItem({ index, position, onRemove, removable }: { index: number; position: number; onRemove: () => void; removable: boolean }) {
  return (
    <Card
      type="inner"
      size="small"
      title={`赡养人 ${position + 1}`}
      className="supporter-item"
      data-testid={`supporter-${position}`}
      extra={
        removable ? (
          <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={onRemove}>
            删除
          </Button>
        ) : undefined
      }
    >
      <Row gutter={GUTTER}>
        <Col {...COL}>
          <Form.Item label="赡养人姓名" name={[index, 'name']} required>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="与老人关系" name={[index, 'relationship']} required>
            <Select options={optionsOf(ELDER_RELATIONSHIPS)} placeholder="选择关系" />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="联系电话" name={[index, 'phone']}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} xl={16}>
          <Form.Item label="赡养内容" name={[index, 'provides']} required extra="可多选">
            <Checkbox.Group options={optionsOf(SUPPORT_KINDS)} />
          </Form.Item>
        </Col>
        <Col {...COL}>
          <Form.Item label="赡养费（元/月）" name={[index, 'amountYuan']} extra="选择“经济供养”时填写">
            <InputNumber min={0} precision={2} step={50} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** 赡养协议: who supports the elder and with what, signed before the village committee. */
export function AgreementModal({ elderId, agreement, open, onClose, onSaved }: AgreementModalProps) {
  const saveAgreement = useLedgerMutation('elders.saveAgreement');
  const { form, problem, save, reset, modalProps } = useModalForm<AgreementValues, SupportAgreementInput>({
    parse: (values) => supportAgreementInput.safeParse(valuesToAgreement(values)),
    write: (data) => saveAgreement.mutateAsync({ elderId, id: agreement?.id, agreement: data }),
    toPath,
    saved: () => (agreement ? '已保存赡养协议' : '已添加赡养协议'),
    onSaved,
    onClose,
  });

  useEffect(() => {
    if (open) reset(agreementToValues(agreement));
  }, [open, agreement, reset]);

  return (
    <Modal open={open} title={agreement ? '编辑赡养协议' : '添加赡养协议'} width={880} {...modalProps}>
      <LedgerForm<AgreementValues> form={form} layout="vertical" name="elder-agreement" onSubmit={() => void save()} data-testid="elder-agreement-form">
        <Form.List name="supporters">
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={12} style={{ marginBottom: 16 }}>
              {fields.map((field, position) => (
                <SupporterItem key={field.key} index={field.name} position={position} removable={fields.length > 1} onRemove={() => remove(field.name)} />
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < MAX_SUPPORTERS && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ provides: [] })} data-testid="supporter-add">
                  添加赡养人
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
        <Row gutter={GUTTER}>
          <Col {...COL}>
            <Form.Item label="签订日期" name="signedOn" required rules={[notAfterToday('签订日期')]}>
              <DateField />
            </Form.Item>
          </Col>
          <Col {...COL}>
            <Form.Item label="见证单位" name="witness">
              <Input maxLength={50} placeholder="如：五星村民委员会" />
            </Form.Item>
          </Col>
          <Col {...COL}>
            <Form.Item label="复查日期" name="reviewOn" extra="到期后由村（居）委会复查履行情况">
              <DateField />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="备注" name="notes">
              <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
        </Row>
      </LedgerForm>
      <ModalProblem problem={problem} testId="elder-agreement-problem" />
    </Modal>
  );
}
