import { describe, expect, it } from 'vitest';
import { todayIso, withClock } from '../../src/shared/domain/dates';

const at = (iso: string) => () => new Date(`${iso}T12:00:00`);

describe('withClock', () => {
  it('sets what todayIso() reads for the time of the call, nested calls included', () => {
    const real = todayIso();
    expect(withClock(at('2031-06-15'), () => todayIso())).toBe('2031-06-15');
    expect(withClock(at('2031-06-15'), () => [todayIso(), withClock(at('2020-01-02'), () => todayIso()), todayIso()])).toEqual(['2031-06-15', '2020-01-02', '2031-06-15']);
    expect(todayIso()).toBe(real);
  });

  it('an explicit date still wins over the clock', () => {
    expect(withClock(at('2031-06-15'), () => todayIso(new Date('2024-03-04T12:00:00')))).toBe('2024-03-04');
  });

  it('restores the clock when the work throws', () => {
    const real = todayIso();
    expect(() =>
      withClock(at('2031-06-15'), () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(todayIso()).toBe(real);
  });

  it('refuses async work: the clock would be gone before it finished', async () => {
    const real = todayIso();
    const pending = Promise.resolve(1);
    expect(() => withClock(at('2031-06-15'), () => pending)).toThrow(/synchronous work only/);
    await pending;
    expect(todayIso()).toBe(real);
  });
});
