import { pino } from 'pino';
import type { Logger } from 'pino';
import { redactSecrets } from './lib/redact.js';

export type { Logger };

/**
 * Structured JSON logs. Header paths that carry credentials are censored by name, and every
 * configured secret value is scrubbed from whatever else is logged. Errors are logged as name
 * and message only: stack traces and upstream bodies stay out of logs (server.ts logs the stack
 * of an internal error, as a string, under its request id).
 */
export function createLogger(
  options: { level: string; secrets: () => readonly string[] },
  destination?: NodeJS.WritableStream,
): Logger {
  // Read on every line: a renewed access token must be redacted from then on too.
  const secrets = options.secrets;
  return pino(
    {
      level: options.level,
      base: { service: 'invoice-graph' },
      redact: {
        paths: [
          '*.headers["x-api-key"]',
          '*.headers["auth-apikey"]',
          '*.headers.authorization',
          '*.headers.cookie',
        ],
        censor: '[REDACTED]',
      },
      formatters: {
        log: (object) => redactSecrets(object, secrets()),
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, redactSecrets(args.map(errorSummary) as typeof args, secrets()));
        },
      },
      serializers: { err: (error: unknown) => redactSecrets(errorSummary(error), secrets()) },
    },
    destination as pino.DestinationStream | undefined,
  );
}

/** Name, message and code of an error; no stack. Objects already summarised pass through. */
function errorSummary(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return { name: error.name, message: error.message, ...(code === undefined ? {} : { code }) };
}
