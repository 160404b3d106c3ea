import { setTimeout as wait } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CallDeadline } from '../../src/http/deadline.js';

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
