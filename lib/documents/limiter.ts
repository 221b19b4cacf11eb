// Bounded concurrency for image processing: at most N photos are decoded at once per process, the rest wait in line.
// Decoding is what costs memory (a 12-megapixel photo is ~36 MB of pixels), so this keeps a process's memory flat.
import { AppError } from '@/lib/errors';

export type Limiter = { run<T>(task: () => Promise<T>): Promise<T>; readonly active: number; readonly waiting: number };

export function createLimiter(concurrency: number, maxWaiting = 50): Limiter {
  let active = 0;
  const queue: (() => void)[] = [];
  // A finishing task hands its slot straight to the next in line, so a newcomer can never slip in between.
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    async run(task) {
      if (active >= concurrency) {
        // A full line means the instance is overloaded: answer at once and let the client retry, rather than pile up.
        if (queue.length >= maxWaiting) throw new AppError('UNAVAILABLE', 'upload.busy', { retryAfter: 5 });
        await new Promise<void>((resolve) => queue.push(resolve));
      } else {
        active++;
      }
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
