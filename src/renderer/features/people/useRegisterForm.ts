import { App } from 'antd';
import { useState } from 'react';
import { namePathOf } from '../../ui/formErrors';
import { useFormSave, type FormSaveOptions } from '../../ui/useFormSave';

interface RegisterFormOptions<T> extends Pick<FormSaveOptions<T, { id: string }>, 'parse' | 'write'> {
  /** What the update operation wraps the values in (`elder` of `{ id, elder }`): its error keys start with it. */
  wrapper?: string;
  onSaved: (id: string) => void;
}

/**
 * A person's registration form: saved as `useFormSave` does, and an ID number already registered
 * (`duplicateId`) stays marked with its link until the number changes.
 */
export function useRegisterForm<T>({ parse, write, wrapper, onSaved }: RegisterFormOptions<T>) {
  const { message } = App.useApp();
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  // Untyped paths: field-error keys come from the server as strings, not from the form's own type.
  const { form, saving, problem, save } = useFormSave<Record<string, unknown>, T, { id: string }>({
    parse,
    write,
    toPath: (key) => namePathOf(key, wrapper),
    invalidTitle: '填写的内容有误，请按红色提示修改',
    summary: 'always',
    keep: (name) => duplicateId !== null && name.length === 1 && name[0] === 'idNumber',
    onRefused: (err) => {
      if (err.code === 'duplicate' && err.existingId) setDuplicateId(err.existingId);
    },
    done: ({ id }) => {
      message.success('已保存');
      onSaved(id);
    },
  });
  return { form, saving, problem, save, duplicateId, setDuplicateId };
}
