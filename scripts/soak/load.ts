import { z } from 'zod';
import type { Operation, OperationMix } from './operations.js';
import type { Tally } from './report.js';

/** Drives concurrent GraphQL requests until a deadline and checks every answer's shape. */

/**
 * Past the subgraph's own total upstream budget (15 s by default) with room to spare: an answer
 * slower than this means the subgraph hung, which is a finding of its own.
 */
const REQUEST_TIMEOUT_MS = 45_000;

/** A GraphQL-over-HTTP response (GraphQL spec §7.1): data and/or errors, nothing else but extensions. */
const graphqlResponse = z
  .object({
    data: z.record(z.string(), z.unknown()).nullable().optional(),
    errors: z
      .array(
        z
          .object({
            message: z.string(),
            extensions: z.object({ code: z.string().optional() }).loose().optional(),
          })
          .loose(),
      )
      .min(1)
      .optional(),
    extensions: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((body) => body.data !== undefined || body.errors !== undefined, 'has neither data nor errors');

export interface LoadOptions {
  url: string;
  concurrency: number;
  deadline: number;
  mix: OperationMix;
  tally: Tally;
  /** Checked between requests: stop early (the child died, or the user pressed Ctrl-C). */
  stopped: () => boolean;
}

export async function runLoad(options: LoadOptions): Promise<void> {
  const worker = async () => {
    while (Date.now() < options.deadline && !options.stopped()) {
      await sendOne(options, options.mix.next());
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}

async function sendOne(options: LoadOptions, operation: Operation): Promise<void> {
  const { tally } = options;
  const started = performance.now();
  tally.requests += 1;
  tally.count(tally.byOperation, operation.name);
  let status: number;
  let text: string;
  let contentType: string;
  try {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify(operation.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    status = response.status;
    contentType = response.headers.get('content-type') ?? '';
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    tally.problem(timedOut ? 'timeout' : 'transport', `${operation.name}: ${describe(error)}`);
    return;
  } finally {
    tally.durationsMs.push(performance.now() - started);
  }
  tally.count(tally.byStatus, status);
  const body = parse(text);
  const checked = graphqlResponse.safeParse(body);
  if (!/json/.test(contentType) || !checked.success) {
    const why =
      body === undefined
        ? 'not JSON'
        : checked.success
          ? `content-type ${contentType}`
          : (checked.error.issues[0]?.message ?? 'invalid');
    tally.problem('malformed', `${operation.name} HTTP ${status} (${why}): ${text.slice(0, 200)}`);
    return;
  }
  const { data, errors } = checked.data;
  for (const error of errors ?? []) tally.count(tally.errorCodes, error.extensions?.code ?? '(no code)');
  if (data && errors) tally.partial += 1;
  if (operation.name === 'invoiceList' && data) options.mix.learn(data);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}
