import { Alert, Descriptions, Typography } from 'antd';

const Fp = ({ value, testId }: { value: string | null; testId: string }) =>
  value ? (
    <Typography.Text className="fingerprint" data-testid={testId} copyable>
      {value}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary" data-testid={testId}>
      尚未生成
    </Typography.Text>
  );

/**
 * Station side: both fingerprints, to be read out over the phone. A mismatch means the enrolment
 * file was not the county's, so nothing should be exchanged until it is cleared up.
 */
export function StationFingerprints({ own, county }: { own: string | null; county: string | null }) {
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="sync-fingerprints"
      title="请与县局核对指纹"
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            请打电话与县局逐字核对：县局屏幕上显示的“县局密钥指纹”和本站的指纹，应与下面完全一致。如有不一致，请不要导入或导出数据，并立即联系县局。
          </Typography.Paragraph>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'own', label: '本站密钥指纹', children: <Fp value={own} testId="sync-own-fingerprint" /> },
              { key: 'county', label: '县局密钥指纹', children: <Fp value={county} testId="sync-county-fingerprint" /> },
            ]}
          />
        </>
      }
    />
  );
}

/** County side: its own fingerprint, which every station compares after importing its enrolment file. */
export function CountyFingerprint({ own }: { own: string | null }) {
  return (
    <Alert
      type="info"
      showIcon
      data-testid="sync-fingerprints"
      title="本县局密钥指纹"
      description={
        <>
          <Fp value={own} testId="sync-own-fingerprint" />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            站点导入登记文件后会显示县局指纹，请电话核对是否与此一致；站点自己的指纹见下表（站点第一次发来数据包后显示）。
          </Typography.Paragraph>
        </>
      }
    />
  );
}
