import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { majorChangeInput, type MajorChangeInput, type MajorChangeRecord } from '../../../shared/contract';
import { todayIso } from '../../../shared/domain/dates';
import type { SubjectKind } from '../../../shared/domain/visits';
import { useLedgerMutation } from '../../api';
import { DateField, notAfterToday } from '../../ui/DateField';
import { namePathOf } from '../../ui/formErrors';
import { withoutNulls } from '../../ui/formValues';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useModalForm } from '../../ui/useModalForm';
import { LedgerForm } from '../../ui/LedgerForm';

type ChangeValues = Partial<MajorChangeInput>;

interface MajorChangeModalProps {
  subject: { kind: SubjectKind; id: string };
  /** The change being edited; null adds one. */
  change: MajorChangeRecord | null;
  open: boolean;
  onClose: () => void;
  onSaved?: () => void;
}

// `visits.saveMajorChange` wraps the values as `{ subjectKind, subjectId, id, change }`.
const toPath = (key: string) => namePathOf(key, 'change');

/** 重大变故 (a hospital stay, the loss of a carer, ...): the person must then be visited within 24 hours. */
export function MajorChangeModal({ subject, change, open, onClose, onSaved }: MajorChangeModalProps) {
  const saveChange = useLedgerMutation('visits.saveMajorChange');
  const { form, problem, save, reset, modalProps } = useModalForm<ChangeValues, MajorChangeInput>({
    parse: (values) => majorChangeInput.safeParse(withoutNulls(values)),
    write: (data) => saveChange.mutateAsync({ subjectKind: subject.kind, subjectId: subject.id, id: change?.id, change: data }),
    toPath,
    saved: () => (change ? '已保存重大变故' : '已登记重大变故，请在24小时内探访'),
    onSaved,
    onClose,
  });

  useEffect(() => {
    if (open) reset(change ? { occurredOn: change.occurredOn, description: change.description } : { occurredOn: todayIso() });
  }, [open, change, reset]);

  return (
    <Modal open={open} title={change ? '编辑重大变故' : '登记重大变故'} okButtonProps={{ 'data-testid': 'major-change-save' }} width={520} {...modalProps}>
      <LedgerForm<ChangeValues> form={form} layout="vertical" name="major-change" onSubmit={() => void save()} data-testid="major-change-form">
        <Form.Item label="发生日期" name="occurredOn" required rules={[notAfterToday('发生日期')]}>
          <DateField />
        </Form.Item>
        <Form.Item label="变故情况" name="description" required extra="如：住院、摔伤、照料人去世或外出。登记后须在24小时内探访。">
          <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </LedgerForm>
      <ProblemAlert problem={problem} testId="major-change-problem" />
    </Modal>
  );
}
