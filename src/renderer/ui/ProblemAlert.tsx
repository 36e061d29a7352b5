import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import type { FormProblem } from './formErrors';

/** Why a save failed: a summary, with the messages no field on screen could take. */
export function ProblemAlert({ problem, testId, style }: { problem: FormProblem | null; testId: string; style?: CSSProperties }) {
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={style}
      title={problem.title}
      description={problem.details.length > 0 ? problem.details.join('；') : undefined}
      data-testid={testId}
    />
  );
}

const BELOW_FORM = { marginTop: 12 };

/** A modal's problem, below its form. */
export function ModalProblem({ problem, testId }: { problem: FormProblem | null; testId: string }) {
  return <ProblemAlert problem={problem} testId={testId} style={BELOW_FORM} />;
}

/** What a modal keeps of a placed-errors summary: nothing when every message found its field. */
export function unplacedOnly(p: FormProblem): FormProblem | null {
  return p.details.length > 0 ? p : null;
}
