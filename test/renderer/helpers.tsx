import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { OperationName, Outcome, PlaceTree, Progress, Transport } from '../../src/shared/contract';
import { idCheckChar } from '../../src/shared/domain/idNumber';
import { setTransport } from '../../src/renderer/api';
import { Providers } from '../../src/renderer/app/App';

export interface Call {
  name: OperationName;
  input: unknown;
}

type Reply = (input: unknown, onProgress?: (p: Progress) => void) => Outcome<unknown> | Promise<Outcome<unknown>>;

/** The process edge, faked: answers by operation name and records every call. */
export function fakeTransport(replies: Partial<Record<OperationName, Reply>>): { transport: Transport; calls: Call[] } {
  const calls: Call[] = [];
  const transport: Transport = async (name, input, onProgress) => {
    calls.push({ name, input });
    const reply = replies[name];
    if (!reply) return { ok: false, error: { code: 'internal', message: `测试未提供 ${name}` } };
    return reply(input, onProgress);
  };
  return { transport, calls };
}

export const ok = (result: unknown): Outcome<unknown> => ({ ok: true, result });

export const PLACES: PlaceTree = {
  county: { code: '341723', name: '青阳县' },
  townships: [
    {
      code: '341723100',
      name: '蓉城镇',
      villages: [
        { code: '341723100201', name: '城东社区' },
        { code: '341723100202', name: '五星村' },
      ],
    },
  ],
};

/** A valid ID number for a birth date (YYYY-MM-DD) and a 3-digit sequence (odd = male). */
export function makeIdNumber(birthDate: string, seq = '001'): string {
  const first17 = `341723${birthDate.replaceAll('-', '')}${seq}`;
  return first17 + idCheckChar(first17);
}

/** Mounts with the app's providers in a memory router; `path` is the route pattern of `element`. */
export function renderRoute(element: ReactElement, { url, path }: { url: string; path: string }): RenderResult {
  return render(
    <Providers>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={path} element={element} />
          <Route path="*" element={<div data-testid="elsewhere" />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

export function installFake(replies: Partial<Record<OperationName, Reply>>): Call[] {
  const { transport, calls } = fakeTransport({ 'places.tree': () => ok(PLACES), ...replies });
  setTransport(transport);
  return calls;
}

/** The antd form item (label, control, messages) that holds an element. */
export function formItemOf(el: HTMLElement): HTMLElement {
  const item = el.closest<HTMLElement>('.ant-form-item');
  if (!item) throw new Error('element is not inside a form item');
  return item;
}
