import { Form, Input } from 'antd';

export const MIN_PASSPHRASE = 8;

/**
 * A new key passphrase, typed twice. It protects this machine's private key; it cannot be
 * recovered, so the form says so rather than letting a typo lock the keys.
 */
export function NewPassphraseFields() {
  return (
    <>
      <Form.Item
        label="设置密钥口令"
        name="passphrase"
        extra={`至少${MIN_PASSPHRASE}个字符。导出、导入和同步时都要输入，请牢记；口令遗失后无法找回。`}
        rules={[
          { required: true, message: '请设置密钥口令' },
          { min: MIN_PASSPHRASE, message: `密钥口令至少${MIN_PASSPHRASE}个字符` },
          { max: 200, message: '密钥口令不能超过200个字符' },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="再次输入密钥口令"
        name="confirm"
        dependencies={['passphrase']}
        rules={[
          { required: true, message: '请再次输入密钥口令' },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error('两次输入的密钥口令不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
