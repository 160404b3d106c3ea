import type { DeadlineSignal } from './deadline.js';

/**
 * Resolves after `ms`, or rejects with the reason of the first signal that aborts, so a retry
 * waiting for its turn stops at once when its call's deadline passes or the pool shuts down.
 */
export function sleep(ms: number, signals: readonly DeadlineSignal[]): Promise<void> {
  const aborted = signals.find((signal) => signal.aborted);
  if (aborted) return Promise.reject(aborted.reason);
  return new Promise((resolve, reject) => {
    const listeners = signals.map((signal) => {
      const listener = () => finish(() => reject(signal.reason));
      signal.addEventListener('abort', listener, { once: true });
      return { signal, listener };
    });
    const timer = setTimeout(() => finish(resolve), ms);
    function finish(settle: () => void): void {
      clearTimeout(timer);
      for (const { signal, listener } of listeners) signal.removeEventListener('abort', listener);
      settle();
    }
  });
}
