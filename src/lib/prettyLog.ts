import { Writable } from 'node:stream';

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};
/** Always on the line, so not repeated as key=value. */
const SHOWN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service']);

/**
 * Pino's JSON lines as one readable line each, for a person at a terminal:
 * `10:16:26 INFO  request requestId=… status=200 durationMs=12.3`. The JSON is redacted before it
 * gets here (logger.ts), so this only reformats. A line that is not JSON passes through as it is.
 */
export function prettyLogStream(out: NodeJS.WritableStream): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) out.write(`${prettyLine(line)}\n`);
      done();
    },
  });
}

export function prettyLine(line: string): string {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return line;
  const fields = Object.entries(entry);
  const get = (key: string) => fields.find(([name]) => name === key)?.[1];
  const time = get('time');
  const level = get('level');
  const clock = typeof time === 'number' ? new Date(time).toISOString().slice(11, 19) : '--:--:--';
  const label = typeof level === 'number' ? (LEVELS[level] ?? String(level)) : 'INFO ';
  const message = get('msg');
  const rest = fields
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [clock, label, typeof message === 'string' ? message : '', ...rest].join(' ');
}
