/**
 * Runs a project with the clock moved, to flush out tests that pass only on the day they run:
 *   LEDGER_TEST_CLOCK_OFFSET_DAYS=365 npx vitest run --project node
 * Loaded by vitest.config.ts only when that variable is set. Only `Date` is faked, and it keeps
 * ticking; timers, performance.now() and SQLite's own clock are left alone (the app never asks
 * SQLite for the time).
 */
import { beforeEach, vi } from 'vitest';

const raw = process.env.LEDGER_TEST_CLOCK_OFFSET_DAYS ?? '';
const days = Number(raw);
if (!/^-?\d+$/.test(raw.trim())) throw new Error(`LEDGER_TEST_CLOCK_OFFSET_DAYS must be a whole number of days, not "${raw}"`);

/** The real time now, whatever Date says: performance's clock is not faked. */
const realNow = (): number => performance.timeOrigin + performance.now();

function moveClock(): void {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(realNow() + days * 86_400_000);
}

moveClock();
// Again before every test: a test that set its own clock and then restored the real one
// (vi.useRealTimers) must not hand the real clock to the tests after it.
beforeEach(moveClock);
