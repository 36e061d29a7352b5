import type { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { OperationName, Outcome, PlaceTree, Progress, StationInfo, Transport } from '../../src/shared/contract';
import { idCheckChar } from '../../src/shared/domain/idNumber';
import { createQueryClient, setTransport } from '../../src/renderer/api';
import { Providers } from '../../src/renderer/app/App';
import { checkInput } from './contractDrift';

export interface Call {
  name: OperationName;
  input: unknown;
}

type Reply = (input: unknown, onProgress?: (p: Progress) => void) => Outcome<unknown> | Promise<Outcome<unknown>>;

/**
 * The process edge, faked: answers by operation name and records every call. Every input is first
 * checked against the contract, as the real hosts check it: one the contract refuses is answered
 * with a failed outcome and recorded as drift, which fails the test (see setup.ts).
 */
export function fakeTransport(replies: Partial<Record<OperationName, Reply>>): { transport: Transport; calls: Call[] } {
  const calls: Call[] = [];
  const transport: Transport = async (name, input, onProgress) => {
    calls.push({ name, input });
    const drift = checkInput(name, input);
    if (drift) return { ok: false, error: { code: 'validation', message: `界面发送的输入不符合契约：${name}`, detail: drift.problems.join('; ') } };
    const reply = replies[name];
    if (!reply) return { ok: false, error: { code: 'internal', message: `测试未提供 ${name}` } };
    return reply(input, onProgress);
  };
  return { transport, calls };
}

export const ok = (result: unknown): Outcome<unknown> => ({ ok: true, result });

/** The station the app's gate would have read: a township station, unless a test answers otherwise. */
export const STATION_INFO: StationInfo = {
  initialised: true,
  role: 'station',
  code: '341723100',
  name: '蓉城镇社工站',
  countyCode: '341723',
  countyName: '青阳县',
  schemaVersion: 4,
  appVersion: '0.1.0',
};

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

export type Rendered = RenderResult & { queryClient: QueryClient };

/** Mounts with the app's providers and a query client of its own (the app's defaults: no retries). */
export function renderWithProviders(ui: ReactElement): Rendered {
  const queryClient = createQueryClient();
  return { ...render(<Providers queryClient={queryClient}>{ui}</Providers>), queryClient };
}

/**
 * Mounts in a memory router at `url`: `element` at the route pattern `path`, any `also` routes
 * beside it, and a stand-in (`elsewhere`) for every other route.
 */
export function renderRoute(element: ReactElement, { url, path, also = {} }: { url: string; path: string; also?: Record<string, ReactElement> }): Rendered {
  return renderWithProviders(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path={path} element={element} />
        {Object.entries(also).map(([p, e]) => (
          <Route key={p} path={p} element={e} />
        ))}
        <Route path="*" element={<div data-testid="elsewhere" />} />
      </Routes>
    </MemoryRouter>,
  );
}

export function installFake(replies: Partial<Record<OperationName, Reply>>): Call[] {
  const { transport, calls } = fakeTransport({ 'station.info': () => ok(STATION_INFO), 'places.tree': () => ok(PLACES), ...replies });
  setTransport(transport);
  return calls;
}

/** The antd form item (label, control, messages) that holds an element. */
export function formItemOf(el: HTMLElement): HTMLElement {
  const item = el.closest<HTMLElement>('.ant-form-item');
  if (!item) throw new Error('element is not inside a form item');
  return item;
}
