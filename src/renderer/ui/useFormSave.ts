import { Form } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { fieldErrorsOf, type LedgerErrorData } from '../../shared/contract';
import { errorData } from '../api';
import { clearFieldErrors, placeFieldErrors, type FormProblem, type NamePath } from './formErrors';
import { unplacedOnly } from './ProblemAlert';

export interface FormSaveOptions<T, R> {
  /** The form's values checked as the operation's input. */
  parse: (values: unknown) => z.ZodSafeParseResult<T>;
  write: (input: T) => Promise<R>;
  done: (result: R, input: T) => void;
  /** A contract key → the field it belongs to. */
  toPath?: (key: string) => NamePath;
  /** The summary's title when the form's own check fails. */
  invalidTitle: string;
  /** A modal sums up only the messages no field took; a page sums up every failure. */
  summary: 'always' | 'unplaced';
  /** Field messages a new save leaves standing. */
  keep?: (name: NamePath) => boolean;
  /** Sees the core's refusal before its messages are placed. */
  onRefused?: (err: LedgerErrorData) => void;
}

/** Checks a form against the contract, writes it, and puts every message under its field. */
export function useFormSave<V, T, R>({ parse, write, done, toPath, invalidTitle, summary, keep, onRefused }: FormSaveOptions<T, R>) {
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  const showFieldErrors = (fieldErrors: Record<string, string>, title: string) => {
    const placed = placeFieldErrors(form, fieldErrors, title, toPath);
    setProblem(summary === 'unplaced' ? unplacedOnly(placed) : placed);
  };

  const save = async () => {
    if (saving) return;
    clearFieldErrors(form, keep);
    setProblem(null);
    const parsed = parse(form.getFieldsValue(true));
    if (!parsed.success) {
      showFieldErrors(fieldErrorsOf(parsed.error), invalidTitle);
      return;
    }
    setSaving(true);
    try {
      done(await write(parsed.data), parsed.data);
    } catch (e) {
      const err = errorData(e);
      onRefused?.(err);
      if (err.fieldErrors && Object.keys(err.fieldErrors).length > 0) showFieldErrors(err.fieldErrors, err.message);
      else setProblem({ title: err.message, details: [] });
    } finally {
      setSaving(false);
    }
  };

  return { form, saving, problem, setProblem, save };
}
