/**
 * Inputs the UI sent that the contract refuses. The real hosts refuse them too, so a component test
 * that produced one has found UI/contract drift: `setup.ts` fails that test after it ends.
 */
import { operations, type OperationName } from '../../src/shared/contract';

export interface Drift {
  name: OperationName;
  input: unknown;
  problems: string[];
}

const found: Drift[] = [];

/** The contract's verdict on one input; a refusal is recorded as drift. */
export function checkInput(name: OperationName, input: unknown): Drift | null {
  const parsed = operations[name].input.safeParse(input);
  if (parsed.success) return null;
  const drift: Drift = { name, input, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`) };
  found.push(drift);
  return drift;
}

/** The drift recorded since the last call, and forgets it. */
export function takeDrift(): Drift[] {
  return found.splice(0, found.length);
}

export function describeDrift(drift: readonly Drift[]): string {
  return drift.map((d) => `${d.name} ${JSON.stringify(d.input)}\n  ${d.problems.join('\n  ')}`).join('\n');
}
