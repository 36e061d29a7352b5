import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { operations, type ChildListResult, type OperationName, type Outcome, type Progress } from '../../src/shared/contract';
import { errorMessage, useLedgerMutation, useLedgerQuery } from '../../src/renderer/api';
import { familiesChangedBy, MUTATION_NAMES } from '../../src/renderer/api/queries';
import { ChildDetailPage } from '../../src/renderer/features/children/detail/ChildDetailPage';
import { takeDrift } from './contractDrift';
import { fakeTransport, installFake, ok, renderRoute, renderWithProviders, type Call } from './helpers';

const callsOf = (calls: Call[], name: Call['name']) => calls.filter((c) => c.name === name);

/** A list and the rules on one screen, and a delete of a listed child. */
function ListWithDelete() {
  const list = useLedgerQuery('children.list', { limit: 10 });
  const rules = useLedgerQuery('rules.get', {});
  const del = useLedgerMutation('children.delete');
  return (
    <div>
      <span data-testid="names">{list.data?.rows.map((r) => r.name).join('、')}</span>
      <span data-testid="rules">{rules.data ? '已读规则' : ''}</span>
      <button type="button" onClick={() => void del.mutateAsync({ id: 'c1' })}>
        删除
      </button>
    </div>
  );
}

describe('the query layer', () => {
  it('re-reads the list a mutation changed, and leaves unrelated reads alone', async () => {
    let rows = [{ id: 'c1', name: '张小明' }, { id: 'c2', name: '王芳' }];
    const calls = installFake({
      'children.list': () => ok({ total: rows.length, rows } as unknown as ChildListResult),
      'rules.get': () => ok({}),
      'children.delete': (input) => {
        rows = rows.filter((r) => r.id !== (input as { id: string }).id);
        return ok({ id: 'c1' });
      },
    });
    renderWithProviders(<ListWithDelete />);
    await waitFor(() => expect(screen.getByTestId('names')).toHaveTextContent('张小明、王芳'));
    await waitFor(() => expect(screen.getByTestId('rules')).toHaveTextContent('已读规则'));

    await userEvent.setup().click(screen.getByRole('button', { name: '删除' }));
    await waitFor(() => expect(screen.getByTestId('names')).toHaveTextContent(/^王芳$/));
    expect(callsOf(calls, 'children.list')).toHaveLength(2);
    // children.delete changes no rules: they are not asked again.
    expect(callsOf(calls, 'rules.get')).toHaveLength(1);
  });

  it('shows a failed read’s Chinese message, asked once (no retries)', async () => {
    const calls = installFake({
      'children.get': () => ({ ok: false, error: { code: 'not_found', message: '该儿童记录不存在或已被删除', detail: 'no child c9' } }),
    });
    renderRoute(<ChildDetailPage />, { url: '/children/c9', path: '/children/:id' });
    expect(await screen.findByText('该儿童记录不存在或已被删除')).toBeInTheDocument();
    expect(callsOf(calls, 'children.get')).toHaveLength(1);
  });

  it('hands a long operation’s progress to the component while it runs', async () => {
    let report: ((p: Progress) => void) | undefined;
    let finish: ((o: Outcome<unknown>) => void) | undefined;
    installFake({
      'demo.load': (_input, onProgress) => {
        report = onProgress;
        return new Promise((resolve) => (finish = resolve));
      },
    });
    function Loader() {
      const [progress, setProgress] = useState<Progress | null>(null);
      const load = useLedgerMutation('demo.load', { onProgress: setProgress });
      return (
        <div>
          <button type="button" onClick={() => load.mutate({ scale: 'small' })}>
            加载
          </button>
          <span data-testid="progress">{progress ? `${progress.phase} ${progress.done}/${progress.total}` : ''}</span>
          <span data-testid="result">{load.data ? `${load.data.children} 名儿童` : ''}</span>
          <span data-testid="error">{load.error ? errorMessage(load.error) : ''}</span>
        </div>
      );
    }
    renderWithProviders(<Loader />);
    await userEvent.setup().click(screen.getByRole('button', { name: '加载' }));
    await waitFor(() => expect(report).toBeDefined());
    report!({ phase: '生成儿童', done: 1, total: 3 });
    await waitFor(() => expect(screen.getByTestId('progress')).toHaveTextContent('生成儿童 1/3'));
    report!({ phase: '生成老人', done: 2, total: 3 });
    await waitFor(() => expect(screen.getByTestId('progress')).toHaveTextContent('生成老人 2/3'));
    expect(screen.getByTestId('result')).toHaveTextContent('');
    finish!(ok({ children: 60, elders: 40, women: 15, visits: 713 }));
    await waitFor(() => expect(screen.getByTestId('result')).toHaveTextContent('60 名儿童'));
    expect(screen.getByTestId('error')).toHaveTextContent('');
  });

  it('declares what every write the renderer may make changes, and nothing for a read', () => {
    const renderable = (name: OperationName) => operations[name].hosts.some((h) => h === 'desktop' || h === 'web');
    const writes = (Object.keys(operations) as OperationName[]).filter((name) => operations[name].mutates && renderable(name));
    expect([...MUTATION_NAMES].sort()).toEqual(writes.sort());
    // A write made at a station is a change the county has not confirmed: the sync status follows every one.
    for (const name of MUTATION_NAMES) {
      const families = familiesChangedBy(name);
      if (name !== 'station.init') expect(families === null || families.includes('sync'), name).toBe(true);
    }
  });
});

describe('the fake transport', () => {
  it('refuses an input the contract refuses, and records it as drift', async () => {
    const { transport, calls } = fakeTransport({ 'drowning.summary': () => ok({}) });
    const outcome = await transport('drowning.summary', { year: 1900 });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe('validation');
    expect(calls).toEqual([{ name: 'drowning.summary', input: { year: 1900 } }]);
    const drift = takeDrift();
    expect(drift.map((d) => d.name)).toEqual(['drowning.summary']);
    expect(drift[0]?.problems.join()).toMatch(/year/);
  });

  it('fails the read the UI sent with a refused input, before any reply is made for it', async () => {
    let answered = false;
    installFake({
      'drowning.summary': () => {
        answered = true;
        return ok({});
      },
    });
    function Summary() {
      const summary = useLedgerQuery('drowning.summary', { year: 1900 });
      return <span data-testid="summary">{summary.error ? errorMessage(summary.error) : ''}</span>;
    }
    renderWithProviders(<Summary />);
    await waitFor(() => expect(screen.getByTestId('summary')).toHaveTextContent('界面发送的输入不符合契约：drowning.summary'));
    expect(answered).toBe(false);
    // Taken here, so this test passes; left alone, setup.ts would fail the test that sent it.
    expect(takeDrift().map((d) => d.name)).toEqual(['drowning.summary']);
  });
});
