import { Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useEffect } from 'react';
import { waterInspectionInput, type WaterInspectionInput, type WaterInspectionRecord } from '../../../../shared/contract';
import { todayIso } from '../../../../shared/domain/dates';
import { INSPECTED_LABEL } from '../../../../shared/domain/drowning';
import { useLedgerMutation } from '../../../api';
import { DateField, notAfterToday } from '../../../ui/DateField';
import { namePathOf } from '../../../ui/formErrors';
import { GUTTER, HALF_COL, YES_NO } from '../../../ui/formLayout';
import { withoutNulls } from '../../../ui/formValues';
import { ModalProblem } from '../../../ui/ProblemAlert';
import { useModalForm } from '../../../ui/useModalForm';
import { VillagePicker } from '../../places/VillagePicker';
import { LedgerForm } from '../../../ui/LedgerForm';

type InspectionValues = Partial<WaterInspectionInput>;

interface InspectionModalProps {
  /** The inspection being edited; null adds a new one. */
  inspection: WaterInspectionRecord | null;
  open: boolean;
  onClose: () => void;
  onSaved?: () => void;
}

function valuesOf(r: WaterInspectionRecord | null): InspectionValues {
  if (!r) return { inspectedOn: todayIso(), hazardFound: false, inspectors: [] };
  const { villageCode, place, inspectedOn, inspectors, findings, hazardFound, actions, notes } = r;
  return { villageCode, place, inspectedOn, inspectors, findings, hazardFound, actions, notes };
}

/**
 * A contract key → the form field it belongs to. `drowning.inspections.save` wraps the values as
 * `{ id, inspection }`; a message about one inspector (`inspectors.1`) goes under the names box.
 */
function toPath(key: string): (string | number)[] {
  const path = namePathOf(key, 'inspection');
  return path[0] === 'inspectors' ? ['inspectors'] : path;
}

/** 水域督查: where, when, who, what was found and, for a hazard, what was done. */
export function InspectionModal({ inspection, open, onClose, onSaved }: InspectionModalProps) {
  const saveInspection = useLedgerMutation('drowning.inspections.save');
  const { form, problem, save, reset, modalProps } = useModalForm<InspectionValues, WaterInspectionInput>({
    parse: (values) => waterInspectionInput.safeParse(withoutNulls(values)),
    write: (data) => saveInspection.mutateAsync({ id: inspection?.id, inspection: data }),
    toPath,
    saved: () => (inspection ? '已保存督查记录' : '已添加督查记录'),
    onSaved,
    onClose,
  });
  const hazardFound = Form.useWatch('hazardFound', form);

  useEffect(() => {
    if (open) reset(valuesOf(inspection));
  }, [open, inspection, reset]);

  return (
    <Modal open={open} title={inspection ? `编辑督查记录：${inspection.place}` : '新增水域督查'} width={720} {...modalProps}>
      <LedgerForm<InspectionValues> form={form} layout="vertical" name="water-inspection" onSubmit={() => void save()} data-testid="drowning-inspection-form">
        <Row gutter={GUTTER}>
          <Col {...HALF_COL}>
            <Form.Item label="所在村（居）" name="villageCode" required>
              <VillagePicker />
            </Form.Item>
          </Col>
          <Col {...HALF_COL}>
            <Form.Item label={INSPECTED_LABEL} name="inspectedOn" required rules={[notAfterToday(INSPECTED_LABEL)]}>
              <DateField />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="督查地点" name="place" required>
              <Input maxLength={100} placeholder="如：百花村东头水塘、青通河百花段" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="督查人员" name="inspectors" required extra="输入姓名后按回车，可填写多人">
              <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} placeholder="如：陈社工、李主任" aria-label="督查人员" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="督查情况" name="findings" required>
              <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder="警示牌、防护栏、救生设施，有无儿童在水边玩耍等" />
            </Form.Item>
          </Col>
          <Col {...HALF_COL}>
            <Form.Item label="是否发现隐患" name="hazardFound">
              <Radio.Group options={YES_NO} optionType="button" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="处置措施" name="actions" required={hazardFound === true}>
              <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：设置警示牌、告知村委、加装护栏" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="备注" name="notes">
              <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 1, maxRows: 3 }} />
            </Form.Item>
          </Col>
        </Row>
      </LedgerForm>
      <ModalProblem problem={problem} testId="drowning-inspection-problem" />
    </Modal>
  );
}
