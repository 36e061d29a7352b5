import { Alert, App, Button, Card, Flex, Form, Input, Radio, Select, Steps, Typography } from 'antd';
import { useState } from 'react';
import { stationInit, type DemoScale, type Progress as OpProgress, type StationInfo, type StationRole } from '../../../shared/contract';
import type { z } from 'zod';
import { errorData, errorMessage, UNTIL_CHANGED, useLedgerMutation, useLedgerQuery } from '../../api';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useFormSave } from '../../ui/useFormSave';
import { ProgressLine } from '../../ui/ProgressLine';
import { LedgerForm } from '../../ui/LedgerForm';

interface InitValues {
  role: StationRole;
  code: string;
  name: string;
}

/** `蓉城镇（341723100）`: the name people know, the code the county's lists use. */
const optionOf = (p: { code: string; name: string }) => ({ value: p.code, label: `${p.name}（${p.code}）` });

function StationStep({ onDone }: { onDone: (info: StationInfo) => void }) {
  const init = useLedgerMutation('station.init');
  // The data dir holds no places before setup: the choices come from the divisions the app ships.
  const shipped = useLedgerQuery('places.shipped', {}, UNTIL_CHANGED);
  const counties = shipped.data ?? [];
  const { form, saving, problem, save } = useFormSave<InitValues, z.output<typeof stationInit>, StationInfo>({
    parse: (values) => stationInit.safeParse(values),
    write: (input) => init.mutateAsync(input),
    done: (info) => onDone(info),
    invalidTitle: '请按红色提示填写',
    summary: 'unplaced',
  });
  const role = Form.useWatch('role', form);
  const onlyCounty = counties.length === 1 ? counties[0]!.code : '';

  return (
    <LedgerForm<InitValues>
      form={form}
      layout="vertical"
      name="setup"
      initialValues={{ role: 'station', code: '', name: '' }}
      onSubmit={() => void save()}
      onValuesChange={(changed: Partial<InitValues>) => {
        if (changed.role) form.setFieldsValue({ code: changed.role === 'county' ? onlyCounty : '' });
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
        <Form.Item label="县（市、区）" name="code" required extra="本版本内置的县及其乡镇、村（居）">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择本局所在的县（市、区）"
            options={counties.map(optionOf)}
            loading={shipped.isPending}
            notFoundContent="没有匹配的县（市、区）"
          />
        </Form.Item>
      ) : (
        <Form.Item label="乡镇（街道）" name="code" required extra="可输入乡镇名称或代码查找">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择本站所在的乡镇（街道）"
            options={counties.map((c) => ({ label: c.name, title: c.name, options: c.townships.map(optionOf) }))}
            loading={shipped.isPending}
            notFoundContent="没有匹配的乡镇（街道）"
          />
        </Form.Item>
      )}
      <Form.Item label={role === 'county' ? '单位名称' : '站点名称'} name="name" required>
        <Input maxLength={40} placeholder={role === 'county' ? '如：青阳县民政局' : '如：蓉城镇社会工作服务站'} />
      </Form.Item>
      {shipped.isError && <Alert type="error" showIcon title={`读取内置的乡镇列表失败：${errorMessage(shipped.error)}`} style={{ marginBottom: 16 }} />}
      <ProblemAlert problem={problem} testId="setup-problem" style={{ marginBottom: 16 }} />
      <Button type="primary" htmlType="submit" loading={saving} block>
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
