import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { prettyLine, prettyLogStream } from '../../src/lib/prettyLog.js';
import { createLogger } from '../../src/logger.js';

describe('human-readable log lines for a terminal', () => {
  it('turns a JSON entry into time, level, message and key=value pairs', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2026, 0, 2, 3, 4, 5),
      pid: 1,
      hostname: 'h',
      service: 'invoice-graph',
      msg: 'request',
      status: 200,
      errorCodes: ['BAD_USER_INPUT'],
    });
    expect(prettyLine(line)).toBe('03:04:05 INFO  request status=200 errorCodes=["BAD_USER_INPUT"]');
  });

  it('passes anything that is not a JSON object through unchanged', () => {
    expect(prettyLine('plain text')).toBe('plain text');
  });

  it('formats what the logger writes, secrets already redacted, one line per entry', async () => {
    const out: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger(
      { level: 'info', secrets: () => ['secret-canary-4411'] },
      prettyLogStream(sink),
    );
    logger.info({ tenant: 'acme', note: 'key secret-canary-4411' }, 'request');
    logger.warn('second');
    await new Promise((resolve) => setImmediate(resolve));
    const text = out.join('');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    expect(text).toMatch(/^\d\d:\d\d:\d\d INFO {2}request tenant=acme note=/);
    expect(text).toContain('WARN  second');
    expect(text).not.toContain('secret-canary-4411');
  });
});
