import { request as httpRequest } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  generateDataset,
  startConfirmaSimulator,
  startSimulators,
  type RunningServer,
  type SimulatorDataset,
  type SimulatorFaults,
} from '../../src/simulators/index.js';
import { CONFIRMA_KEY, FC, FC_HEADERS, factoringInvoiceId, TODAY } from '../support/simulatorHttp.js';

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as the client received it, piece by piece. */
  chunks: Buffer[];
  text: string;
}

/** One request on a fresh connection (no keep-alive), so a dropped socket fails only this call. */
function get(url: string, headers: Record<string, string> = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          chunks,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const LISTING = '/api/v1/partner/invoice/distribution';
const AUTH = { 'X-Api-Key': CONFIRMA_KEY };
const UNAUTHORIZED_BODY = '{"message":"Unauthorized"}';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('simulator fault injection', () => {
  let dataset: SimulatorDataset;
  const running: RunningServer[] = [];
  const confirma = async (faults: SimulatorFaults): Promise<string> => {
    const server = await startConfirmaSimulator({ dataset, today: TODAY, apiKey: CONFIRMA_KEY, faults });
    running.push(server);
    return server.url;
  };

  beforeAll(() => {
    dataset = generateDataset({ today: TODAY, factoringInvoiceId });
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
  });

  it('answers 503 with a JSON error body at errorRate 1', async () => {
    const url = await confirma({ errorRate: 1 });
    for (let i = 0; i < 3; i += 1) {
      const reply = await get(`${url}${LISTING}`, AUTH);
      expect(reply.status).toBe(503);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(reply.text)).toEqual({ message: expect.any(String) });
    }
  });

  it('sends 429 bursts with Retry-After at the end of every cycle of requests', async () => {
    const url = await confirma({ rateLimit: { burstEvery: 4, burstLength: 2, retryAfterSeconds: 7 } });
    const replies: RawReply[] = [];
    for (let i = 0; i < 8; i += 1) replies.push(await get(`${url}${LISTING}`, AUTH));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 429, 429, 200, 200, 429, 429]);
    expect(replies.map((reply) => reply.headers['retry-after'])).toEqual([
      undefined,
      undefined,
      '7',
      '7',
      undefined,
      undefined,
      '7',
      '7',
    ]);
  });

  it('sends 200 with a cut-off JSON body at malformedRate 1', async () => {
    const url = await confirma({ malformedRate: 1 });
    const reply = await get(`${url}${LISTING}`); // unauthenticated: the real answer is a 401
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.text.length).toBeGreaterThan(0);
    expect(parses(reply.text)).toBe(false);
    expect(UNAUTHORIZED_BODY.startsWith(reply.text)).toBe(true);
  });

  it('drops the connection without an answer at dropRate 1', async () => {
    const url = await confirma({ dropRate: 1 });
    await expect(get(`${url}${LISTING}`, AUTH)).rejects.toMatchObject({
      code: expect.stringMatching(/^(ECONNRESET|EPIPE)$/),
    });
  });

  it('sends the real answer in several pieces at slowBodyRate 1', async () => {
    const url = await confirma({ slowBodyRate: 1, slowBodyMs: 400 });
    const reply = await get(`${url}${LISTING}`);
    expect(reply.status).toBe(401);
    expect(reply.text).toBe(UNAUTHORIZED_BODY);
    expect(reply.chunks.length).toBeGreaterThanOrEqual(2);
  });

  it('delays every answer by at least latencyMs', async () => {
    const url = await confirma({ latencyMs: 300, latencyJitterMs: 50 });
    const started = performance.now();
    const reply = await get(`${url}${LISTING}`, AUTH);
    // A lower bound only (timers never fire early by more than clock granularity).
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(reply.status).toBe(200);
  });

  it('chooses the same requests for faults given the same seed, and others for another seed', async () => {
    const outcomes = async (seed: number): Promise<string[]> => {
      const url = await confirma({ errorRate: 0.3, malformedRate: 0.2, seed });
      const seen: string[] = [];
      for (let i = 0; i < 30; i += 1) {
        const reply = await get(`${url}${LISTING}`); // 401 unless a fault hits
        seen.push(`${reply.status}${parses(reply.text) ? '' : ' malformed'}`);
      }
      return seen;
    };
    const first = await outcomes(42);
    expect(await outcomes(42)).toEqual(first);
    expect(await outcomes(43)).not.toEqual(first);
    expect(new Set(first)).toEqual(new Set(['401', '503', '200 malformed']));
  });

  it('refuses fault settings out of range', async () => {
    await expect(confirma({ errorRate: 1.5 })).rejects.toThrow(/between 0 and 1/);
    await expect(confirma({ errorRate: 0.6, dropRate: 0.6 })).rejects.toThrow(/must not exceed 1/);
  });

  it('injects faults per upstream through startSimulators', async () => {
    const sims = await startSimulators({
      today: TODAY,
      factoringInvoiceId,
      confirma: { apiKey: CONFIRMA_KEY, faults: { errorRate: 1 } },
      factorCloud: { ...FC, faults: { rateLimit: { burstEvery: 1, burstLength: 1, retryAfterSeconds: 3 } } },
    });
    running.push({ url: sims.confirmaUrl, close: () => sims.close() });
    expect((await get(`${sims.confirmaUrl}${LISTING}`, AUTH)).status).toBe(503);
    const limited = await get(`${sims.factorCloudUrl}/api_factor/get-client?ClientKey=1`, FC_HEADERS);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('3');
  });
});
