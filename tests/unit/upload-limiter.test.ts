import { describe, expect, it } from 'vitest';
import { createLimiter } from '@/lib/documents/limiter';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('bounded image processing', () => {
  it('never runs more tasks at once than allowed, and runs them all', async () => {
    const limiter = createLimiter(2);
    let running = 0;
    let peak = 0;
    const task = async (n: number) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
      return n;
    };
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => limiter.run(() => task(i))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('bad photo')))).rejects.toThrow('bad photo');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });

  it('answers "busy" at once when the line is full instead of piling up', async () => {
    const limiter = createLimiter(1, 1);
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)));
    const second = limiter.run(async () => 'queued');
    await expect(limiter.run(async () => 'third')).rejects.toMatchObject({ code: 'UNAVAILABLE', messageKey: 'upload.busy' });
    release();
    await first;
    expect(await second).toBe('queued');
  });
});
