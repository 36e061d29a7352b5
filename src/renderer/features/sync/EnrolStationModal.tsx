import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { SyncStationRow } from '../../../shared/contract';
import { desktop, errorData, useLedgerMutation } from '../../api';
import { useOnOpen } from '../../ui/useOnOpen';
import { useTownships } from '../places/places';
import { showFieldErrors } from './fieldErrors';
import { downloadText } from './files';
import { LedgerForm } from '../../ui/LedgerForm';

interface EnrolValues {
  code?: string;
  name: string;
}

export const defaultEnrolmentFile = (code: string) => `登记文件-${code}.json`;

interface EnrolStationModalProps {
  open: boolean;
  /** Set to re-issue the file of a listed station; absent to register a new one. */
  station?: SyncStationRow;
  stations: SyncStationRow[];
  onClose: () => void;
}

const REPLACE_WARNING = '重新登记后，原登记立即作废：该站点在导入新的登记文件之前不能再同步；谁拿到新的登记文件，谁就能收到本乡镇的台账。请确认站点确实需要重新登记（例如更换了电脑）。';

/**
 * Makes a station's enrolment file: in the desktop app through the native save dialog (the core
 * writes the file), in a browser as a download. Re-enrolling a station that already syncs is a
 * deliberate act: a confirmation dialog first, then the core is told `replace`.
 */
export function EnrolStationModal({ open, station, stations, onClose }: EnrolStationModalProps) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<EnrolValues>();
  const townships = useTownships();
  const toFile = useLedgerMutation('sync.enrolStation');
  const toDownload = useLedgerMutation('sync.enrolStationData');
  // From the confirmation on, the desktop's save dialog included.
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const code = Form.useWatch('code', form);
  const township = townships.find((t) => t.code === code);

  useOnOpen(open || null, () => setProblem(null));
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(station ? { code: station.code, name: station.name } : { code: undefined, name: '' });
  }, [open, station, form]);

  const known = useMemo(() => new Map(stations.map((s) => [s.code, s])), [stations]);
  const options = townships.map((t) => {
    const s = known.get(t.code);
    return {
      value: t.code,
      label: s ? `${t.name}（${s.state === 'revoked' ? '已停用' : '已有站点'}）` : t.name,
      disabled: s?.state === 'revoked',
    };
  });

  const confirmReplace = (name: string) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: `重新登记“${name}”？`,
        content: REPLACE_WARNING,
        okText: '确认重新登记',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  /** Null when the user cancelled the save dialog. */
  const enrol = async (input: { code: string; name?: string; replace: boolean }): Promise<string | null> => {
    const native = desktop();
    if (native) {
      const [outPath] = await native.chooseFiles({ purpose: 'saveEnrolment', defaultName: defaultEnrolmentFile(input.code) });
      if (!outPath) return null;
      const r = await toFile.mutateAsync({ ...input, outPath });
      return `登记文件已保存到：${r.path}。请交给站点导入，并电话核对县局指纹 ${r.fingerprint}`;
    }
    const r = await toDownload.mutateAsync(input);
    downloadText(r.fileName, r.text);
    return `登记文件“${r.fileName}”已下载。请复制到U盘交给站点导入，并电话核对县局指纹 ${r.fingerprint}`;
  };

  const submit = async (values: EnrolValues) => {
    if (!values.code) return;
    setProblem(null);
    const existing = known.get(values.code);
    const replace = existing?.state === 'enrolled';
    if (replace && !(await confirmReplace(existing.name))) return;
    setSaving(true);
    try {
      const done = await enrol({ code: values.code, name: values.name?.trim() || undefined, replace });
      if (!done) return;
      message.success({ content: done, duration: 10 });
      onClose();
    } catch (e) {
      setProblem(showFieldErrors(form, errorData(e), ['code', 'name']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={station ? `生成登记文件：${station.name}` : '登记新站点'}
      okText="生成登记文件"
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      // Rendered while closed too, so the form instance is connected when the effect fills it.
      forceRender
      width={560}
    >
      <LedgerForm<EnrolValues> form={form} layout="vertical" name="enrol-station" onFinish={(v) => void submit(v)}>
        {known.get(code ?? '')?.state === 'enrolled' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`该站点已登记。${REPLACE_WARNING}`} />}
        <Form.Item label="乡镇（街道）" name="code" rules={[{ required: true, message: '请选择乡镇（街道）' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择站点所在的乡镇（街道）"
            options={options}
            disabled={Boolean(station)}
            notFoundContent="没有匹配的乡镇（街道）"
          />
        </Form.Item>
        <Form.Item label="站点名称（可不填）" name="name" rules={[{ max: 40, message: '站点名称不能超过40个字' }]}>
          <Input maxLength={40} placeholder={township ? `不填则为“${township.name}社工站”` : '不填则为“乡镇名称 + 社工站”'} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          登记文件含县局公钥和一次性登记码，不含儿童信息，但凭它可以接入本县的同步：请只用U盘交给该站点，站点导入后会显示县局指纹，请电话核对。
        </Typography.Paragraph>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} />}
      </LedgerForm>
    </Modal>
  );
}
