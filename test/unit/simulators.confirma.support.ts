import { startConfirmaSimulator } from '../../src/simulators/confirma/server.js';
import { generateDataset, type SimulatorDataset } from '../../src/simulators/dataset.js';
import { factoringInvoiceId, isJson, TODAY, type Json } from '../support/simulatorHttp.js';

/**
 * A Confirma simulator of its own per test file, on a clock the test steps by hand, so queued
 * work (distribution, actions, accounting sync) is applied exactly when a test says so.
 */

export const CLIENT_KEY = 'confirma-client-key';
export const PROVISIONING_TOKEN = 'confirma-provisioning-token';
/** How long queued work waits in these tests. */
export const DELAY_MS = 5_000;

export interface Reply {
  status: number;
  text: string;
  /** Parsed JSON, `undefined` for an empty body. */
  body: unknown;
}

export interface ConfirmaHarness {
  dataset: SimulatorDataset;
  /** Moves the simulator's clock forward. */
  advance(ms: number): void;
  /** Calls `/api/v1/partner<path>` with the client key unless `key` says otherwise (`null`: none). */
  call(
    method: 'GET' | 'POST',
    path: string,
    options?: { key?: string | null; body?: unknown },
  ): Promise<Reply>;
  close(): Promise<void>;
}

export async function startConfirmaHarness(): Promise<ConfirmaHarness> {
  const dataset = generateDataset({ today: TODAY, factoringInvoiceId });
  let clock = Date.UTC(2026, 9, 1, 9, 0, 0);
  const server = await startConfirmaSimulator({
    dataset,
    today: TODAY,
    apiKey: CLIENT_KEY,
    provisioningToken: PROVISIONING_TOKEN,
    processingDelayMs: DELAY_MS,
    now: () => clock,
  });
  return {
    dataset,
    advance(ms) {
      clock += ms;
    },
    async call(method, path, options = {}) {
      const key = options.key === undefined ? CLIENT_KEY : options.key;
      const headers: Record<string, string> = { accept: 'application/json' };
      if (key !== null) headers['x-api-key'] = key;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${server.url}/api/v1/partner${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const text = await response.text();
      const body: unknown = text === '' ? undefined : JSON.parse(text);
      return { status: response.status, text, body };
    },
    close: () => server.close(),
  };
}

/** The value as a JSON object; fails the test when it is something else. */
export function obj(value: unknown): Json {
  if (!isJson(value)) throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`);
  return value;
}

/** Money from the wire in whole cents (exact for values with two decimals). */
export function cents(value: unknown): number {
  if (typeof value !== 'number') throw new Error(`expected a number, got ${JSON.stringify(value)}`);
  return Math.round(value * 100);
}

/** A SalesInvoiceRequest like the docs' example (confirma.md §4.4), with `overrides` merged into the header. */
export function invoiceRequest(number: number, overrides: Json = {}): Json {
  return {
    processing: {
      paymentControlEnabled: true,
      manualApprovalEnabled: false,
      accountingInvoiceEnabled: false,
    },
    distribution: { method: 'EMAIL', enabled: true },
    invoice: {
      header: {
        number,
        type: 'INVOICE',
        date: '2026-09-28',
        dueDate: '2026-10-12',
        description: null,
        additionalInformation: null,
        currencyCode: 'EUR',
        languageCode: 'FI',
        ...overrides,
      },
      references: { sales: 'SF0001', buyer: 'BR0002', payment: '2516000017', orderDate: '2026-09-27' },
      parties: {
        sellerParty: {
          businessId: '0646115-8',
          name: 'Test Company Ltd',
          address: {
            street: 'Teirinkatu 6',
            postalCode: '65100',
            postalDistrict: 'VAASA',
            countryCode: 'FI',
          },
        },
        buyerParty: {
          entityType: 'BUSINESS',
          name: 'Buyer Company Oy',
          businessId: '0646115-8',
          languageCode: 'FI',
          address: {
            street: 'Kauppakatu 1',
            postalCode: '00100',
            postalDistrict: 'HELSINKI',
            countryCode: 'FI',
          },
          contact: {
            contactPerson: { name: 'Matti', email: 'matti@buyer.example' },
            email: 'ap@buyer.example',
          },
        },
      },
      rows: [
        {
          description: 'Consulting',
          quantity: 10,
          unitPrice: 100.0,
          vatPercentage: 25.5,
          totalAmount: 1255.0,
        },
        { description: 'Travel', quantity: 1, unitPrice: 0.1, vatPercentage: 0, totalAmount: 0.2 },
      ],
      amounts: { netAmount: 1000.2, vatAmount: 255.0, totalAmount: 1255.2 },
    },
  };
}
