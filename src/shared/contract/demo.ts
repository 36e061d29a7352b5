/** Demo data: realistic synthetic registers for training and trying the app. */
import { z } from 'zod';
import { mutation, type Progress } from './define';

export const DEMO_SCALES = ['small', 'county'] as const;
export type DemoScale = (typeof DEMO_SCALES)[number];

export const demoOperations = {
  'demo.load': mutation<{ children: number; elders: number; women: number; visits: number; meals: number }, Progress>()(
    z.object({ scale: z.enum(DEMO_SCALES, { error: '演示数据规模应为 small 或 county' }).default('small') }),
  ),
} as const;
