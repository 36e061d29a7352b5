import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Radio, Segmented, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { MAX_MEAL_IMPORT_BYTES, type MealImportResult, type MealImportRow, type MealSiteRecord, type Progress as OpProgress } from '../../../../shared/contract';
import { labelOf } from '../../../../shared/domain/labels';
import { DEVICE_METHODS, MEAL_TIMES } from '../../../../shared/domain/meals';
import { errorData, useLedgerMutation } from '../../../api';
import { ProgressLine } from '../../../ui/ProgressLine';
import { readAsBase64 } from '../../sync/files';

type DeviceMethod = (typeof DEVICE_METHODS)[number]['value'];
type Shown = 'all' | MealImportRow['status'];

const ACCEPT = '.xlsx,.csv,.txt';
const STATUS: Record<MealImportRow['status'], { label: string; color: string }> = {
  new: { label: '将导入', color: 'green' },
  ticked: { label: '已勾选', color: 'default' },
  duplicate: { label: '重复', color: 'orange' },
  refused: { label: '不能导入', color: 'red' },
};

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

const columns: TableColumnsType<MealImportRow> = [
  { title: '行号', dataIndex: 'line', width: 64 },
  { title: '姓名', key: 'name', width: 110, render: (_, r) => r.dinerName ?? r.name },
  { title: '身份证号', dataIndex: 'idNumberMasked', width: 170 },
  { title: '日期', key: 'day', width: 110, render: (_, r) => r.day ?? r.dayText },
  { title: '餐次', key: 'meal', width: 70, render: (_, r) => (r.mealTime ? labelOf(MEAL_TIMES, r.mealTime) : r.mealTimeText) },
  { title: '结果', dataIndex: 'status', width: 90, render: (s: MealImportRow['status']) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag> },
  {
    title: '说明',
    key: 'reason',
    render: (_, r) => (
      <>
        {r.reason}
        {r.warning && <Typography.Text type="warning">{r.reason ? `；${r.warning}` : r.warning}</Typography.Text>}
      </>
    ),
  },
];

/**
 * Imports a sign-in device's export (刷卡, 人脸, 扫码) into the site's month: choose the file and the
 * device, look at what matches row by row, then tick the matched meals in one go.
 */
export function ImportButton({ site, month }: { site: MealSiteRecord; month: string }) {
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [method, setMethod] = useState<DeviceMethod>('card');
  const [preview, setPreview] = useState<MealImportResult | null>(null);
  const [done, setDone] = useState<MealImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<OpProgress | null>(null);
  const [shown, setShown] = useState<Shown>('all');
  const importer = useLedgerMutation('meals.attendance.importData', { onProgress: setProgress });
  const running = importer.isPending;

  const run = async (asPreview: boolean) => {
    if (!file) return;
    setProblem(null);
    try {
      setProgress({ phase: '读取文件', done: 0, total: 1 });
      const data = await readAsBase64(file);
      const result = await importer.mutateAsync({ siteId: site.id, month, method, file: { name: file.name, data }, preview: asPreview });
      if (asPreview) setPreview(result);
      else {
        setDone(result);
        setPreview(null);
      }
    } catch (e) {
      const err = errorData(e);
      setProblem(err.fieldErrors?.file ?? err.fieldErrors?.['file.data'] ?? err.message);
    } finally {
      setProgress(null);
    }
  };

  const choose = (f: File) => {
    setPreview(null);
    setDone(null);
    setShown('all');
    if (f.size > MAX_MEAL_IMPORT_BYTES) {
      setFile(null);
      setProblem(`文件不能超过${MAX_MEAL_IMPORT_BYTES / 1024 / 1024}MB`);
      return;
    }
    setProblem(null);
    setFile(f);
  };

  const close = () => {
    if (running) return;
    setOpen(false);
    setFile(null);
    setPreview(null);
    setDone(null);
    setProblem(null);
  };

  const shownRows = preview ? preview.rows.filter((r) => shown === 'all' || r.status === shown) : [];

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="meal-import-open">
        导入签到设备记录
      </Button>
      <Modal
        open={open}
        title={`导入签到设备记录：${site.name}，${monthLabel(month)}`}
        onCancel={close}
        width={900}
        destroyOnHidden
        footer={
          <Flex justify="flex-end" gap={8}>
            <Button onClick={close} disabled={running}>
              {done ? '完成' : '取消'}
            </Button>
            {!done && (
              <Button onClick={() => void run(true)} disabled={!file || running} loading={running && !preview} data-testid="meal-import-preview">
                预览
              </Button>
            )}
            {preview && (
              <Button type="primary" onClick={() => void run(false)} disabled={running || preview.counts.new === 0} loading={running} data-testid="meal-import-commit">
                导入 {preview.counts.new} 条就餐记录
              </Button>
            )}
          </Flex>
        }
      >
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            支持设备导出的 Excel（.xlsx）或 CSV 文件（UTF-8 或 GBK 编码）。表头需有“身份证号”或“姓名”列，以及“日期”或“打卡时间”列；“餐次”列可省略，此时按打卡时间判断。只导入{monthLabel(month)}的记录。
          </Typography.Paragraph>
          <Flex gap={16} align="center" wrap>
            <Upload
              accept={ACCEPT}
              maxCount={1}
              showUploadList={false}
              disabled={running}
              beforeUpload={(f) => {
                choose(f);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} disabled={running} data-testid="meal-import-file">
                选择文件
              </Button>
            </Upload>
            <Typography.Text data-testid="meal-import-file-name">{file ? file.name : '未选择文件'}</Typography.Text>
          </Flex>
          <Flex gap={8} align="center">
            <Typography.Text>签到设备：</Typography.Text>
            <Radio.Group
              value={method}
              disabled={running || done !== null}
              onChange={(e) => setMethod(e.target.value as DeviceMethod)}
              options={DEVICE_METHODS.map((m) => ({ value: m.value, label: m.label }))}
            />
          </Flex>
          {progress && running && <ProgressLine progress={progress} testId="meal-import-progress" />}
          {problem && <Alert type="error" showIcon title={problem} />}
          {done && (
            <Alert
              type="success"
              showIcon
              data-testid="meal-import-done"
              title={`已导入 ${done.imported} 条就餐记录`}
              description={[
                done.counts.ticked > 0 ? `${done.counts.ticked} 条此前已勾选` : '',
                done.counts.duplicate > 0 ? `${done.counts.duplicate} 条与文件中其他行重复` : '',
                done.counts.refused > 0 ? `${done.counts.refused} 条不能导入` : '',
              ]
                .filter(Boolean)
                .join('，')}
            />
          )}
          {preview && (
            <>
              <Flex gap={12} align="center" wrap>
                <Typography.Text data-testid="meal-import-summary">
                  共 {preview.rows.length} 行{preview.sheet ? `（工作表“${preview.sheet}”）` : ''}：将导入 {preview.counts.new} 条，已勾选 {preview.counts.ticked} 条，重复 {preview.counts.duplicate} 条，不能导入 {preview.counts.refused} 条
                </Typography.Text>
                <Segmented<Shown>
                  size="small"
                  value={shown}
                  onChange={setShown}
                  options={[
                    { value: 'all', label: '全部' },
                    { value: 'new', label: '将导入' },
                    { value: 'refused', label: '不能导入' },
                    { value: 'ticked', label: '已勾选' },
                    { value: 'duplicate', label: '重复' },
                  ]}
                />
              </Flex>
              <Table<MealImportRow>
                size="small"
                rowKey="line"
                columns={columns}
                dataSource={shownRows}
                pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
                scroll={{ y: 360 }}
                data-testid="meal-import-rows"
              />
            </>
          )}
        </Flex>
      </Modal>
    </>
  );
}
