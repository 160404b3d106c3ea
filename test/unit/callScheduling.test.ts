import { setTimeout as wait } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CallDeadline } from '../../src/http/deadline.js';
import { WAITERS_PER_TURN, afterPendingIo } from '../../src/http/replyTurns.js';

describe('CallDeadline', () => {
  it('aborts once its time is up, with the TimeoutError an AbortSignal.timeout() gives', async () => {
    const deadline = new CallDeadline(5);
    const heard: unknown[] = [];
    deadline.addEventListener('abort', () => heard.push(deadline.reason));
    deadline.addEventListener('abort', () => heard.push('second'));
    expect(deadline.aborted).toBe(false);
    await wait(30);
    expect(deadline.aborted).toBe(true);
    expect(deadline.reason).toBeInstanceOf(DOMException);
    expect((deadline.reason as DOMException).name).toBe('TimeoutError');
    expect(heard).toEqual([deadline.reason, 'second']);
  });

  it('never aborts once released, and calls no listener', async () => {
    const deadline = new CallDeadline(5);
    let heard = 0;
    deadline.addEventListener('abort', () => (heard += 1));
    deadline.release();
    await wait(30);
    expect(deadline.aborted).toBe(false);
    expect(heard).toBe(0);
  });

  it('does not call a listener that was removed, or one added after the deadline passed', async () => {
    const deadline = new CallDeadline(5);
    const heard: string[] = [];
    const removed = () => heard.push('removed');
    deadline.addEventListener('abort', removed);
    deadline.addEventListener('abort', () => heard.push('kept'));
    deadline.removeEventListener('abort', removed);
    await wait(30);
    deadline.addEventListener('abort', () => heard.push('late'));
    expect(heard).toEqual(['kept']);
  });
});

describe('afterPendingIo', () => {
  it('lets waiters go in order, a few per turn of the event loop, with I/O turns in between', async () => {
    const order: string[] = [];
    const count = WAITERS_PER_TURN * 2 + 3;
    const waiters = Array.from({ length: count }, (_, i) => afterPendingIo().then(() => order.push(`w${i}`)));
    // Queued after the first turn's batch: it runs before the second batch is let go.
    setImmediate(() => order.push('next turn'));
    await Promise.all(waiters);
    const names = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `w${from + i}`);
    expect(order).toEqual([...names(0, WAITERS_PER_TURN), 'next turn', ...names(WAITERS_PER_TURN, count)]);
  });
});
