import { setTimeout as wait } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { callDeadline } from '../../src/http/deadline.js';

describe('callDeadline', () => {
  it('aborts once its time is up, with a TimeoutError, calling every listener', async () => {
    const deadline = callDeadline(5);
    const heard: unknown[] = [];
    deadline.addEventListener('abort', () => heard.push(deadline.reason));
    deadline.addEventListener('abort', () => heard.push('second'));
    expect(deadline.aborted).toBe(false);
    expect(deadline.remainingMs()).toBeGreaterThan(0);
    await wait(30);
    expect(deadline.aborted).toBe(true);
    expect(deadline.reason).toBeInstanceOf(DOMException);
    expect((deadline.reason as DOMException).name).toBe('TimeoutError');
    expect(heard).toEqual([deadline.reason, 'second']);
    expect(deadline.remainingMs()).toBeLessThan(0);
  });

  it('takes a budget with a fraction of a millisecond', async () => {
    const deadline = callDeadline(2.5);
    await wait(30);
    expect(deadline.aborted).toBe(true);
  });
});
