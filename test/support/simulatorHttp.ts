import { startSimulators, type RecordedRequest, type RunningSimulators } from '../../src/simulators/index.js';

/** Shared fixtures for the simulator tests: one fixed "today", fixed credentials, tiny JSON helpers. */

export const TODAY = '2026-10-01';
export const SIXTY_DAYS_AGO = '2026-08-03';
export const THIRTY_DAYS_AGO = '2026-09-01';
export const CONFIRMA_KEY = 'confirma-test-key';
export const FC = { factorId: 'FACTOR-7', systemKey: '1', apiKey: 'fc-secret' };
export const FC_HEADERS = {
  'Auth-FactorID': FC.factorId,
  'Auth-SystemKey': FC.systemKey,
  'Auth-APIKey': FC.apiKey,
};

export const factoringInvoiceId = (invoiceNumber: string): string => `INV-${invoiceNumber}`;

/** Starts both simulators on free ports; every request they receive lands in `recorded`. */
export async function startTestSimulators(recorded: RecordedRequest[] = []): Promise<RunningSimulators> {
  return startSimulators({
    today: TODAY,
    factoringInvoiceId,
    confirma: { apiKey: CONFIRMA_KEY },
    factorCloud: FC,
    onRequest: (request) => recorded.push(request),
  });
}

export type Json = Record<string, unknown>;

export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function listOf(value: unknown): Json[] {
  if (!Array.isArray(value)) throw new Error('expected an array');
  return value.filter(isJson);
}

/** GET a URL and parse the reply as a JSON object; `text` keeps the raw body for format checks. */
export async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; body: Json }> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  const body: unknown = JSON.parse(text);
  if (!isJson(body)) throw new Error(`expected a JSON object from ${url}, got ${text}`);
  return { status: response.status, text, body };
}
