import { Alert, App, Button, Card, Flex, Form, Input, Radio, Steps, Typography } from 'antd';
import { useState } from 'react';
import { fieldErrorsOf, stationInit, type DemoScale, type Progress as OpProgress, type StationInfo, type StationRole } from '../../../shared/contract';
import { errorData, useLedgerMutation } from '../../api';
import { ProgressLine } from '../../ui/ProgressLine';
import { LedgerForm } from '../../ui/LedgerForm';

/** The county whose divisions ship with the app; a county data dir is created with this code. */
const DEFAULT_COUNTY_CODE = '341723';

interface InitValues {
  role: StationRole;
  code: string;
  name: string;
}

function StationStep({ onDone }: { onDone: (info: StationInfo) => void }) {
  const [form] = Form.useForm<InitValues>();
  const role = Form.useWatch('role', form);
  const init = useLedgerMutation('station.init');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    setProblem(null);
    const values = form.getFieldsValue(true) as InitValues;
    const parsed = stationInit.safeParse(values);
    if (!parsed.success) {
      const errors = fieldErrorsOf(parsed.error);
      form.setFields(Object.entries(errors).map(([k, m]) => ({ name: k as keyof InitValues, errors: [m] })));
      return;
    }
    try {
      onDone(await init.mutateAsync(parsed.data));
    } catch (e) {
      const err = errorData(e);
      if (err.fieldErrors) form.setFields(Object.entries(err.fieldErrors).map(([k, m]) => ({ name: k as keyof InitValues, errors: [m] })));
      else setProblem(err.message);
    }
  };

  return (
    <LedgerForm<InitValues>
      form={form}
      layout="vertical"
      name="setup"
      initialValues={{ role: 'station', code: '', name: '' }}
      onSubmit={() => void submit()}
      onValuesChange={(changed: Partial<InitValues>) => {
        if (changed.role === 'county') form.setFieldsValue({ code: DEFAULT_COUNTY_CODE });
        if (changed.role === 'station') form.setFieldsValue({ code: '' });
      }}
    >
      <Form.Item label="本机用于" name="role" required>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'station', label: '乡镇站点' },
            { value: 'county', label: '县民政局' },
          ]}
        />
      </Form.Item>
      {role === 'county' ? (
        <Form.Item label="县级代码" name="code" required extra="6位行政区划代码；本版本内置青阳县（341723）的乡镇和村（居）">
          <Input maxLength={6} inputMode="numeric" />
        </Form.Item>
      ) : (
        <Form.Item label="乡镇（街道）代码" name="code" required extra="9位乡镇（街道）统计代码，前6位为县级代码，例如 341723100（蓉城镇）">
          <Input maxLength={9} inputMode="numeric" placeholder="如：341723100" />
        </Form.Item>
      )}
      <Form.Item label={role === 'county' ? '单位名称' : '站点名称'} name="name" required>
        <Input maxLength={40} placeholder={role === 'county' ? '如：青阳县民政局' : '如：蓉城镇社会工作服务站'} />
      </Form.Item>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={init.isPending} block>
        完成设置
      </Button>
    </LedgerForm>
  );
}

function DataStep({ info, onDone }: { info: StationInfo; onDone: () => void }) {
  const { message } = App.useApp();
  const [scale, setScale] = useState<DemoScale>('small');
  const [progress, setProgress] = useState<OpProgress | null>(null);
  const demo = useLedgerMutation('demo.load', { onProgress: setProgress });
  // Stays on after success too: the station is leaving setup, nothing here may be clicked again.
  const running = demo.isPending || demo.isSuccess;
  const [problem, setProblem] = useState<string | null>(null);

  const loadDemo = async () => {
    setProblem(null);
    setProgress({ phase: '准备中', done: 0, total: 1 });
    try {
      const result = await demo.mutateAsync({ scale });
      message.success(`已加载演示数据：${result.children.toLocaleString('zh-CN')} 名儿童、${result.elders.toLocaleString('zh-CN')} 位老人、${result.women.toLocaleString('zh-CN')} 名留守妇女、${result.visits.toLocaleString('zh-CN')} 条走访记录`);
      onDone();
    } catch (e) {
      setProblem(errorData(e).message);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}>
        “{info.name}”（{info.code}）已设置完成。可以加载一批演示数据熟悉操作，也可以直接开始登记。
        <Typography.Text type="warning">演示数据为虚构数据，请勿在正式使用的电脑上加载。</Typography.Text>
      </Typography.Paragraph>
      <Radio.Group
        value={scale}
        onChange={(e) => setScale(e.target.value as DemoScale)}
        disabled={running}
        options={[
          { value: 'small', label: '小规模（少量儿童，几秒完成）' },
          { value: 'county', label: '全县规模（全县约6000名儿童，乡镇站点加载本乡镇的部分，需要数秒）' },
        ]}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
      />
      {running && progress && <ProgressLine progress={progress} testId="demo-progress" />}
      {problem && <Alert type="error" showIcon title={`演示数据加载失败：${problem}`} />}
      <Flex gap={8}>
        <Button type="primary" onClick={() => void loadDemo()} loading={running}>
          加载演示数据
        </Button>
        <Button onClick={onDone} disabled={running}>
          从空白开始
        </Button>
      </Flex>
    </Flex>
  );
}

/** First run: the data dir has no station yet, so nothing else can work until it has one. */
export function SetupPage({ onFinished }: { onFinished: () => void }) {
  const [info, setInfo] = useState<StationInfo | null>(null);
  return (
    <Flex justify="center" align="flex-start" className="setup-page">
      <Card style={{ width: 560, maxWidth: '100%' }} title="欢迎使用社工站台账">
        <Steps
          size="small"
          current={info ? 1 : 0}
          items={[{ title: '设置站点' }, { title: '准备数据' }]}
          style={{ marginBottom: 24 }}
        />
        {info ? <DataStep info={info} onDone={onFinished} /> : <StationStep onDone={setInfo} />}
      </Card>
    </Flex>
  );
}
