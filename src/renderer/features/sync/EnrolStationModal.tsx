import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { SyncStationRow } from '../../../shared/contract';
import { errorData, ledger } from '../../api';
import { useTownships } from '../places/placesStore';
import { showFieldErrors } from './fieldErrors';

interface EnrolValues {
  code?: string;
  name: string;
  outPath: string;
}

export const defaultEnrolmentFile = (code: string) => `登记文件-${code}.json`;

/** A folder typed with a trailing separator gets the usual file name inside it. */
function resolveOutPath(raw: string, code: string): string {
  const path = raw.trim();
  return /[\\/]$/.test(path) ? `${path}${defaultEnrolmentFile(code)}` : path;
}

interface EnrolStationModalProps {
  open: boolean;
  /** Set to re-issue the file of a listed station; absent to register a new one. */
  station?: SyncStationRow;
  stations: SyncStationRow[];
  onClose: () => void;
  onDone: () => void;
}

/**
 * `sync.enrolStation` writes the file itself, on the machine running the core (it takes a path,
 * not bytes back), so the browser cannot offer a save dialog here: the user names the path. A
 * bare file name lands in the working folder of the program serving the ledger.
 */
export function EnrolStationModal({ open, station, stations, onClose, onDone }: EnrolStationModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EnrolValues>();
  const townships = useTownships();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const code = Form.useWatch('code', form);
  const township = townships.find((t) => t.code === code);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    form.resetFields();
    form.setFieldsValue(station ? { code: station.code, name: station.name, outPath: defaultEnrolmentFile(station.code) } : { code: undefined, name: '', outPath: '' });
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

  const submit = async (values: EnrolValues) => {
    if (!values.code) return;
    setProblem(null);
    setSaving(true);
    try {
      const outPath = resolveOutPath(values.outPath, values.code);
      const name = values.name?.trim() || undefined;
      const result = await ledger().call('sync.enrolStation', { code: values.code, name, outPath });
      message.success({ content: `登记文件已保存到：${result.path}。请交给站点导入，并电话核对县局指纹 ${result.fingerprint}`, duration: 10 });
      onDone();
      onClose();
    } catch (e) {
      setProblem(showFieldErrors(form, errorData(e), ['code', 'name', 'outPath']));
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
      <Form<EnrolValues>
        form={form}
        layout="vertical"
        name="enrol-station"
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<EnrolValues>, all) => {
          // The file name follows the township until the user types their own.
          if (changed.code && (!all.outPath || /^登记文件-\d{9}\.json$/.test(all.outPath))) form.setFieldsValue({ outPath: defaultEnrolmentFile(changed.code) });
        }}
      >
        {station?.state === 'enrolled' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="该站点已登记。重新生成后，原登记作废，站点须导入新的登记文件并重新发来数据包，才能继续同步。"
          />
        )}
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
        <Form.Item
          label="保存到（本机文件夹或文件路径）"
          name="outPath"
          rules={[{ required: true, whitespace: true, message: '请填写登记文件的保存位置' }]}
          extra="登记文件由本机的台账程序直接写入：可填完整文件路径，或以 \ 或 / 结尾的文件夹；只填文件名时保存在台账程序的工作目录。"
        >
          <Input maxLength={4096} placeholder="例如：E:\登记文件-341723100.json" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          登记文件含县局公钥和一次性登记码，不含儿童信息。请用U盘交给站点，站点导入后会显示县局指纹，请电话核对。
        </Typography.Paragraph>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} />}
      </Form>
    </Modal>
  );
}
