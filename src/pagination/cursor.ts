import { z } from 'zod';
import { badUserInput } from '../errors.js';

/**
 * A record's position in a connection's documented order: a tuple of strings and numbers that is
 * unique per record (it ends with the record's id). Compared element by element, numbers as
 * numbers and strings by code unit, never by locale, so the order is the same on every machine.
 */
export type SortKey = readonly (string | number)[];

const CURSOR = z.tuple([z.string()]).rest(z.union([z.string(), z.number()]));

/**
 * Opaque cursor: base64url of `[connection, ...sortKey]`. It names the connection it belongs to,
 * so a cursor of `payments` given to `invoices` is refused instead of silently misread, and it
 * carries the key rather than an offset, so a page resumes after the same record even when
 * records were added or removed in between.
 */
export function encodeCursor(connection: string, key: SortKey): string {
  return Buffer.from(JSON.stringify([connection, ...key]), 'utf8').toString('base64url');
}

/** Reads a cursor given as `argument`; BAD_USER_INPUT when it is not one of `connection`'s. */
export function decodeCursor(connection: string, argument: string, cursor: string): SortKey {
  const refusal = () =>
    badUserInput(
      `${argument}: not a cursor of ${connection}; pass a cursor this list returned ` +
        '(`pageInfo.startCursor`, `pageInfo.endCursor` or an `edges.cursor`).',
      argument,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refusal();
  }
  const reading = CURSOR.safeParse(parsed);
  if (!reading.success || reading.data[0] !== connection || reading.data.length < 2) throw refusal();
  return reading.data.slice(1);
}

/** Negative when `a` sorts before `b`, positive after, zero for the same record. */
export function compareKeys(a: SortKey, b: SortKey): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const left = String(x);
    const right = String(y);
    if (left !== right) return left < right ? -1 : 1;
  }
  return a.length - b.length;
}
