/**
 * Ticks typed but not saved yet, kept per day and meal time, and saved as ONE meals.attendance.set
 * per day (a day of 40 diners is one request, not 40).
 *
 * Hazard: a change must never be lost silently. A day is saved when the worker presses Enter,
 * moves to another day, month or meal time, leaves the page, or stops typing for a few seconds;
 * a save that fails keeps its changes on screen with the reason, until retried or discarded.
 */
import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MealMonthGrid } from '../../../../shared/contract';
import type { MealTime } from '../../../../shared/domain/meals';
import { errorMessage, useLedgerFetch, useLedgerMutation } from '../../../api';
import { dayTitle, type PendingDay } from './gridModel';

/** Stop typing this long and the day's changes are saved anyway. */
export const AUTO_SAVE_MS = 4000;

/** `lunch|2026-03-05` */
export type DayKey = `${MealTime}|${string}`;
export const dayKey = (mealTime: MealTime, iso: string): DayKey => `${mealTime}|${iso}`;
const partsOf = (key: DayKey) => key.split('|') as [MealTime, string];

type Pending = ReadonlyMap<DayKey, PendingDay>;

export interface FailedSave {
  key: DayKey;
  message: string;
}

export function usePendingTicks(siteId: string) {
  const app = App.useApp();
  // mutateAsync is stable across renders; the hook's result object is not.
  const { mutateAsync } = useLedgerMutation('meals.attendance.set');
  const fetch = useLedgerFetch();
  const [pending, setPending] = useState<Pending>(new Map());
  const [saving, setSaving] = useState<ReadonlySet<DayKey>>(new Set());
  const [failed, setFailed] = useState<readonly FailedSave[]>([]);
  // The truth is the ref, so a save started in the same event as a change sees it; state mirrors it for rendering.
  const pendingRef = useRef<Pending>(pending);
  const update = useCallback((fn: (all: Pending) => Pending) => {
    const next = fn(pendingRef.current);
    if (next === pendingRef.current) return;
    pendingRef.current = next;
    setPending(next);
  }, []);
  const inFlight = useRef(new Set<DayKey>());
  const again = useRef(new Set<DayKey>());
  const saveAgain = useRef<(key: DayKey) => Promise<boolean>>(async () => true);

  /**
   * Sets diners' ticks of a day. A change back to what is saved is dropped, except while that day
   * is being saved: the core may already hold the first change, so the second must be sent too.
   */
  const change = useCallback(
    (key: DayKey, entries: readonly [string, boolean][], savedOf: (dinerId: string) => boolean) => {
      if (entries.length === 0) return;
      const busy = inFlight.current.has(key);
      update((all) => {
        const next = new Map(all);
        const day = new Map(all.get(key));
        for (const [id, present] of entries) {
          if (present === savedOf(id) && !busy) day.delete(id);
          else day.set(id, present);
        }
        if (day.size === 0) next.delete(key);
        else next.set(key, day);
        return next;
      });
    },
    [update],
  );

  const discard = useCallback(
    (key: DayKey) => {
      update((all) => {
        const next = new Map(all);
        next.delete(key);
        return next;
      });
      setFailed((f) => f.filter((x) => x.key !== key));
    },
    [update],
  );

  const saveDay = useCallback(
    async (key: DayKey): Promise<boolean> => {
      const sent = pendingRef.current.get(key);
      if (!sent || sent.size === 0) return true;
      // Asked again while that day is being saved: what changed meanwhile goes as soon as it ends.
      if (inFlight.current.has(key)) {
        again.current.add(key);
        return true;
      }
      const [mealTime, day] = partsOf(key);
      inFlight.current.add(key);
      setSaving(new Set(inFlight.current));
      try {
        await mutateAsync({ siteId, day, mealTime, ticks: [...sent].map(([dinerId, present]) => ({ dinerId, present })) });
        // Keep the changes on screen until the month is read again, so no cell flickers back.
        await fetch('meals.attendance.month', { siteId, month: day.slice(0, 7) }).catch(() => undefined);
        update((all) => {
          const now = all.get(key);
          if (!now) return all;
          // A cell changed again while saving stays pending for the next save.
          const rest = new Map([...now].filter(([id, present]) => sent.get(id) !== present));
          const next = new Map(all);
          if (rest.size === 0) next.delete(key);
          else next.set(key, rest);
          return next;
        });
        setFailed((f) => f.filter((x) => x.key !== key));
        return true;
      } catch (e) {
        const message = errorMessage(e);
        setFailed((f) => [...f.filter((x) => x.key !== key), { key, message }]);
        app.message.error(`${dayTitle(day)}的勾选未能保存：${message}`);
        return false;
      } finally {
        inFlight.current.delete(key);
        setSaving(new Set(inFlight.current));
        if (again.current.delete(key)) void saveAgain.current(key);
      }
    },
    [app, fetch, mutateAsync, siteId, update],
  );

  useEffect(() => {
    saveAgain.current = saveDay;
  }, [saveDay]);

  const saveAll = useCallback(async (): Promise<boolean> => {
    const results = await Promise.all([...pendingRef.current.keys()].map((k) => saveDay(k)));
    return results.every(Boolean);
  }, [saveDay]);

  // Idle save: a worker who walks away (or closes the window) loses at most these seconds.
  const failedKeys = new Set(failed.map((f) => f.key));
  const retryable = [...pending.keys()].some((k) => !failedKeys.has(k));
  useEffect(() => {
    if (!retryable) return;
    const timer = setTimeout(() => {
      const failedNow = new Set(failed.map((f) => f.key));
      for (const k of pendingRef.current.keys()) if (!failedNow.has(k)) void saveDay(k);
    }, AUTO_SAVE_MS);
    return () => clearTimeout(timer);
  }, [pending, retryable, failed, saveDay]);

  // Leaving the page saves what is left; the request outlives the component.
  const saveAllRef = useRef(saveAll);
  useEffect(() => {
    saveAllRef.current = saveAll;
  }, [saveAll]);
  useEffect(() => () => void saveAllRef.current(), []);

  return { pending, saving, failed, change, discard, saveDay, saveAll };
}

/** Whether a diner's meal of that day is ticked in what was read from the core. */
export function savedOn(grid: MealMonthGrid | undefined, key: DayKey): (dinerId: string) => boolean {
  const [mealTime, day] = partsOf(key);
  const ids = new Set(grid?.ticks.filter((t) => t.day === day && t.mealTime === mealTime).map((t) => t.dinerId));
  return (id) => ids.has(id);
}
