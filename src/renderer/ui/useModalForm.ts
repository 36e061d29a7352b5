import { App } from 'antd';
import { useCallback } from 'react';
import { useFormSave, type FormSaveOptions } from './useFormSave';

interface ModalFormOptions<T> extends Omit<FormSaveOptions<T, unknown>, 'done' | 'invalidTitle' | 'summary'> {
  /** The message once saved. */
  saved: (input: T) => string;
  /** The write itself invalidates what it changed; this is for anything more the caller does. */
  onSaved?: () => void;
  onClose: () => void;
}

/**
 * A modal's form: saved as `useFormSave` does, then closed. `reset` starts it afresh when it opens;
 * `modalProps` are the Modal's 保存 and 取消.
 */
export function useModalForm<V, T>({ saved, onSaved, onClose, ...options }: ModalFormOptions<T>) {
  const { message } = App.useApp();
  const { form, saving, problem, setProblem, save } = useFormSave<V, T, unknown>({
    ...options,
    invalidTitle: '填写的内容有误',
    summary: 'unplaced',
    done: (_, input) => {
      message.success(saved(input));
      onSaved?.();
      onClose();
    },
  });
  const reset = useCallback(
    (values: V) => {
      form.resetFields();
      form.setFieldsValue(values);
      setProblem(null);
    },
    [form, setProblem],
  );
  const modalProps = { okText: '保存', cancelText: '取消', onOk: () => form.submit(), confirmLoading: saving, onCancel: onClose, forceRender: true };
  return { form, problem, save, reset, modalProps };
}
