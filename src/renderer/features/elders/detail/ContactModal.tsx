import { Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect } from 'react';
import { elderContactInput, type ElderContactInput, type ElderContactRecord } from '../../../../shared/contract';
import { todayIso } from '../../../../shared/domain/dates';
import { ELDER_RELATIONSHIPS } from '../../../../shared/domain/elders';
import { useLedgerMutation } from '../../../api';
import { DateField, notAfterToday } from '../../../ui/DateField';
import { namePathOf } from '../../../ui/formErrors';
import { HALF_COL, GUTTER } from '../../../ui/formLayout';
import { withoutNulls } from '../../../ui/formValues';
import { optionsOf } from '../../../ui/options';
import { ModalProblem } from '../../../ui/ProblemAlert';
import { useModalForm } from '../../../ui/useModalForm';
import { LedgerForm } from '../../../ui/LedgerForm';

type ContactValues = Partial<ElderContactInput>;

interface ContactModalProps {
  elderId: string;
  /** The contact being edited; null adds a new one. */
  contact: ElderContactRecord | null;
  open: boolean;
  onClose: () => void;
  onSaved?: () => void;
}

function valuesOf(contact: ElderContactRecord | null): ContactValues {
  if (!contact) return { registeredOn: todayIso() };
  const { name, relationship, phone, address, registeredOn, notes } = contact;
  return { name, relationship, phone, address, registeredOn, notes };
}

// `elders.saveContact` wraps the values as `{ elderId, id, contact }`.
const toPath = (key: string) => namePathOf(key, 'contact');

/** 联系人: someone to call about the elder — added or edited on its own, often after a visit. */
export function ContactModal({ elderId, contact, open, onClose, onSaved }: ContactModalProps) {
  const saveContact = useLedgerMutation('elders.saveContact');
  const { form, problem, save, reset, modalProps } = useModalForm<ContactValues, ElderContactInput>({
    parse: (values) => elderContactInput.safeParse(withoutNulls(values)),
    write: (data) => saveContact.mutateAsync({ elderId, id: contact?.id, contact: data }),
    toPath,
    saved: () => (contact ? '已保存联系人' : '已添加联系人'),
    onSaved,
    onClose,
  });

  useEffect(() => {
    if (open) reset(valuesOf(contact));
  }, [open, contact, reset]);

  return (
    <Modal open={open} title={contact ? `编辑联系人：${contact.name}` : '添加联系人'} width={640} {...modalProps}>
      <LedgerForm<ContactValues> form={form} layout="vertical" name="elder-contact" onSubmit={() => void save()} data-testid="elder-contact-form">
        <Row gutter={GUTTER}>
          <Col {...HALF_COL}>
            <Form.Item label="联系人姓名" name="name" required>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...HALF_COL}>
            <Form.Item label="与老人关系" name="relationship" required>
              <Select options={optionsOf(ELDER_RELATIONSHIPS)} placeholder="选择关系" />
            </Form.Item>
          </Col>
          <Col {...HALF_COL}>
            <Form.Item label="联系电话" name="phone" required>
              <Input maxLength={20} inputMode="tel" placeholder="手机11位，或区号-号码" />
            </Form.Item>
          </Col>
          <Col {...HALF_COL}>
            <Form.Item label="登记日期" name="registeredOn" required rules={[notAfterToday('登记日期')]}>
              <DateField />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="住址" name="address">
              <Input maxLength={100} placeholder="如：本村二组，或在外务工地址" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="备注" name="notes">
              <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
      </LedgerForm>
      <ModalProblem problem={problem} testId="elder-contact-problem" />
    </Modal>
  );
}
