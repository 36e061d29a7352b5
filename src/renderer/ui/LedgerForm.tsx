import { Form, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { clearChangedErrors } from './formErrors';

interface LedgerFormProps<V> extends Omit<FormProps<V>, 'form' | 'onFinishFailed'> {
  form: FormInstance<V>;
  children?: ReactNode;
  /**
   * The save of a form that checks every field against the contract itself. It runs on submit
   * even when a field's own rule (a date after today) fails, so one save reports every problem;
   * a form whose only checks are antd rules passes `onFinish` instead.
   */
  onSubmit?: () => void;
}

/**
 * Every form of the app. A message placed under a field (by a save, a lookup or a rule) is stale
 * once the user changes that field, so it is cleared here, on every change, for every form.
 * Lint forbids antd's `<Form>` elsewhere in the renderer.
 */
export function LedgerForm<V>({ form, onValuesChange, onSubmit, onFinish, ...rest }: LedgerFormProps<V>) {
  return (
    // eslint-disable-next-line no-restricted-syntax -- the one place antd's Form is rendered
    <Form<V>
      {...rest}
      form={form}
      onValuesChange={(changed: Partial<V>, all: V) => {
        clearChangedErrors(form, changed);
        onValuesChange?.(changed, all);
      }}
      onFinish={onSubmit ?? onFinish}
      onFinishFailed={onSubmit}
    />
  );
}
