import { Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { operations, type ParsedInputOf } from '../../../../shared/contract';
import { useLedgerMutation } from '../../../api';
import { withoutNulls } from '../../../ui/formValues';
import { LedgerForm } from '../../../ui/LedgerForm';
import { ModalProblem } from '../../../ui/ProblemAlert';
import { useModalForm } from '../../../ui/useModalForm';
import { monthTitle } from '../months';

const UNLOCK = operations['meals.settlement.unlock'].input;

interface UnlockValues {
  reason?: string;
}

/** County only: reopens a locked month; the reason is required and kept with the month. */
export function UnlockModal({ siteId, month, open, onClose }: { siteId: string; month: string; open: boolean; onClose: () => void }) {
  const unlock = useLedgerMutation('meals.settlement.unlock');
  const { form, problem, save, reset, modalProps } = useModalForm<UnlockValues, ParsedInputOf<'meals.settlement.unlock'>>({
    parse: (values) => UNLOCK.safeParse({ ...(withoutNulls(values) as object), siteId, month }),
    write: (input) => unlock.mutateAsync(input),
    saved: () => `${monthTitle(month)}已解锁`,
    onClose,
  });

  useEffect(() => {
    if (open) reset({});
  }, [open, reset]);

  return (
    <Modal open={open} title={`解锁${monthTitle(month)}结算`} width={520} {...modalProps} okText="解锁">
      <Typography.Paragraph type="secondary">解锁后站点可以更正本月就餐记录，更正完成后需重新核对并锁定。</Typography.Paragraph>
      <LedgerForm<UnlockValues> form={form} layout="vertical" name="meal-unlock" onSubmit={() => void save()}>
        <Form.Item label="解锁原因" name="reason" required>
          <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：补录遗漏的就餐记录" />
        </Form.Item>
      </LedgerForm>
      <ModalProblem problem={problem} testId="meal-unlock-problem" />
    </Modal>
  );
}
