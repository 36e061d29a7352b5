import { Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { errorData } from '../../api';
import { usePassphraseStore } from './passphraseStore';
import { LedgerForm } from '../../ui/LedgerForm';

interface Prompt {
  /** A fresh form per question, so a retry starts empty and shows only the new error. */
  key: number;
  error?: string;
}

let promptKey = 0;

function PassphraseForm({ error, onAnswer }: { error?: string; onAnswer: (passphrase: string | null) => void }) {
  const [form] = Form.useForm<{ passphrase: string }>();
  useEffect(() => {
    if (error) form.setFields([{ name: 'passphrase', errors: [error] }]);
  }, [error, form]);
  return (
    <LedgerForm form={form} layout="vertical" name="passphrase" onFinish={(v) => onAnswer(v.passphrase)} initialValues={{ passphrase: '' }}>
      <Typography.Paragraph type="secondary">导出、导入和同步需要本机的密钥口令。本次使用期间只需输入一次，口令只保存在内存中，关闭程序后即清除。</Typography.Paragraph>
      <Form.Item label="密钥口令" name="passphrase" rules={[{ required: true, whitespace: false, message: '请输入密钥口令' }]}>
        <Input.Password autoFocus maxLength={200} autoComplete="current-password" data-testid="passphrase-input" />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={() => onAnswer(null)}>取消</Button>
        <Button type="primary" htmlType="submit" data-testid="passphrase-ok">
          确定
        </Button>
      </Flex>
    </LedgerForm>
  );
}

/**
 * Runs an operation that needs the key passphrase: asks once per session (in a small modal), and
 * asks again, showing the core's Chinese message, when the passphrase turns out to be wrong.
 * Render `dialog` somewhere in the calling screen.
 */
export function usePassphrase(): { withPassphrase: <T>(run: (passphrase: string) => Promise<T>) => Promise<T | null>; dialog: ReactNode } {
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const pending = useRef<((passphrase: string | null) => void) | null>(null);

  const ask = useCallback(
    (error?: string) =>
      new Promise<string | null>((resolve) => {
        pending.current = resolve;
        setPrompt({ key: ++promptKey, error });
      }),
    [],
  );

  const answer = useCallback((passphrase: string | null) => {
    const resolve = pending.current;
    pending.current = null;
    setPrompt(null);
    resolve?.(passphrase);
  }, []);

  const withPassphrase = useCallback(
    async <T,>(run: (passphrase: string) => Promise<T>): Promise<T | null> => {
      const store = usePassphraseStore.getState();
      let passphrase = store.passphrase ?? (await ask());
      for (;;) {
        // Cancelled: nothing was attempted.
        if (passphrase === null) return null;
        try {
          const result = await run(passphrase);
          usePassphraseStore.getState().remember(passphrase);
          return result;
        } catch (e) {
          const wrong = errorData(e).fieldErrors?.passphrase;
          if (!wrong) throw e;
          usePassphraseStore.getState().forget();
          passphrase = await ask(wrong);
        }
      }
    },
    [ask],
  );

  const dialog = (
    <Modal open={prompt !== null} title="输入密钥口令" footer={null} onCancel={() => answer(null)} destroyOnHidden width={420}>
      {prompt && <PassphraseForm key={prompt.key} error={prompt.error} onAnswer={answer} />}
    </Modal>
  );
  return { withPassphrase, dialog };
}
