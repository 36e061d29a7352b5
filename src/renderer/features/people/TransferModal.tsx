import { SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorData, useLedgerMutation } from '../../api';
import { useOnOpen } from '../../ui/useOnOpen';
import { useTownships } from '../places/places';
import { VillagePicker } from '../places/VillagePicker';
import { LedgerForm } from '../../ui/LedgerForm';

interface TransferValues {
  villageCode?: string;
}

/** What the modal shows of the person being moved. */
export interface TransferPerson {
  id: string;
  name: string;
  stationCode: string;
  villageCode: string;
  townshipName: string;
  villageName: string;
}

const OPERATION = { child: 'children.transfer', elder: 'elders.transfer' } as const;
const NOUN = { child: '儿童', elder: '老人' } as const;

/**
 * County: the person moved to another village. A move across townships hands the record (with its
 * history: categories or groups, contacts, visits) to the new township's station; the old station
 * stops listing the person after its next sync.
 */
export function TransferModal({
  kind,
  person,
  open,
  onClose,
}: {
  kind: keyof typeof OPERATION;
  person: TransferPerson;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferValues>();
  const townships = useTownships();
  // The move invalidates the person's register: the page shows the record as it is now.
  const transfer = useLedgerMutation(OPERATION[kind]);
  const [problem, setProblem] = useState<string | null>(null);

  useOnOpen(open || null, () => setProblem(null));
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const placeName = (villageCode: string) => {
    const t = townships.find((x) => x.code === villageCode.slice(0, 9));
    const v = t?.villages.find((x) => x.code === villageCode);
    return t && v ? `${t.name} ${v.name}` : villageCode;
  };

  const submit = async ({ villageCode }: TransferValues) => {
    if (!villageCode) return;
    setProblem(null);
    try {
      const result = await transfer.mutateAsync({ id: person.id, villageCode });
      const moved = result.stationCode !== person.stationCode;
      message.success(moved ? `已迁移至${placeName(villageCode)}，记录转由该乡镇站点维护` : `已迁移至${placeName(villageCode)}`);
      onClose();
    } catch (e) {
      const err = errorData(e);
      const fieldError = err.fieldErrors?.villageCode;
      if (fieldError) form.setFields([{ name: 'villageCode', errors: [fieldError] }]);
      else setProblem(err.message);
    }
  };

  return (
    <Modal
      open={open}
      title={`迁移：${person.name}`}
      okText="确认迁移"
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={transfer.isPending}
      onCancel={onClose}
      forceRender
      width={520}
    >
      <Typography.Paragraph>
        现所在：{person.townshipName} / {person.villageName}
      </Typography.Paragraph>
      <LedgerForm<TransferValues> form={form} layout="vertical" name="transfer" onFinish={(v) => void submit(v)}>
        <Form.Item
          label="迁入的村（居）"
          name="villageCode"
          rules={[
            { required: true, message: '请选择迁入的村（居）' },
            { validator: (_, v?: string) => (v && v === person.villageCode ? Promise.reject(new Error('迁入的村（居）与现所在村（居）相同')) : Promise.resolve()) },
          ]}
        >
          <VillagePicker />
        </Form.Item>
      </LedgerForm>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        迁往其他乡镇时，该{NOUN[kind]}的记录和历史（含走访记录）一并转给新乡镇的站点，原站点下次同步后不再显示。
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
    </Modal>
  );
}

/** The county's 迁移 button on a person's page, with its modal. */
export function TransferButton({ kind, person, testId }: { kind: keyof typeof OPERATION; person: TransferPerson; testId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<SwapOutlined />} onClick={() => setOpen(true)} data-testid={testId}>
        迁移
      </Button>
      <TransferModal kind={kind} person={person} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
