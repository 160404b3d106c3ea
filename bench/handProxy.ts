import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'undici';
import { z } from 'zod';

/**
 * Child-process entry: the baseline for the overhead benchmark. What a careful developer would
 * hand-write for the single-invoice query without GraphQL: node:http, one undici Pool per
 * upstream (same size as the subgraph's), the same two upstream calls in the same order
 * (distribution by number, then get-invoice) and the same JSON reply shape. It accepts the same
 * POST body as the subgraph and reads only `variables.n`.
 */

const env = z
  .object({
    PORT: z.coerce.number().int(),
    HOST: z.string(),
    CONFIRMA_BASE_URL: z.string(),
    CONFIRMA_API_KEY: z.string(),
    FACTORCLOUD_BASE_URL: z.string(),
    FACTORCLOUD_FACTOR_ID: z.string(),
    FACTORCLOUD_SYSTEM_KEY: z.string(),
    FACTORCLOUD_API_KEY: z.string(),
    FACTORCLOUD_INVOICE_ID_TEMPLATE: z.string(),
    UPSTREAM_MAX_CONCURRENCY: z.coerce.number().int().positive(),
  })
  .parse(process.env);

const confirma = new Pool(env.CONFIRMA_BASE_URL, { connections: env.UPSTREAM_MAX_CONCURRENCY });
const factorCloud = new Pool(env.FACTORCLOUD_BASE_URL, { connections: env.UPSTREAM_MAX_CONCURRENCY });
const factorCloudAuth = {
  'Auth-FactorID': env.FACTORCLOUD_FACTOR_ID,
  'Auth-SystemKey': env.FACTORCLOUD_SYSTEM_KEY,
  'Auth-APIKey': env.FACTORCLOUD_API_KEY,
  accept: 'application/json',
};
const STATUS_NAMES: Record<string, string> = {
  F: 'FUNDED',
  P: 'PENDING',
  V: 'VERIFIED',
  H: 'ON_HOLD',
  X: 'CANCELLED',
};

const requestSchema = z.object({ variables: z.object({ n: z.string().regex(/^\d{1,15}$/) }) });
const distributionSchema = z.object({
  invoices: z.array(
    z.object({ invoiceNumber: z.union([z.number(), z.string()]), distributionStatus: z.string() }),
  ),
});
const invoiceSchema = z.object({
  InvoiceStatus: z.string(),
  InvoiceAmount: z.union([z.number(), z.string()]),
});

async function getJson(pool: Pool, path: string, headers: Record<string, string>): Promise<unknown> {
  const response = await pool.request({ method: 'GET', path, headers });
  const body: unknown = await response.body.json();
  if (response.statusCode !== 200) throw new Error(`${path.split('?')[0]} answered ${response.statusCode}`);
  return body;
}

async function oneInvoice(invoiceNumber: string): Promise<unknown> {
  const page = distributionSchema.parse(
    await getJson(confirma, `/api/v1/partner/invoice/distribution?invoiceNumber=${invoiceNumber}`, {
      'x-api-key': env.CONFIRMA_API_KEY,
    }),
  );
  const record = page.invoices.find((entry) => String(entry.invoiceNumber) === invoiceNumber);
  if (!record) return { data: { invoice: null } };
  const id = encodeURIComponent(
    env.FACTORCLOUD_INVOICE_ID_TEMPLATE.replaceAll('{invoiceNumber}', invoiceNumber),
  );
  const factored = invoiceSchema.parse(
    await getJson(factorCloud, `/api_factor/get-invoice/?InvoiceIntegrationId=${id}`, factorCloudAuth),
  );
  return {
    data: {
      invoice: {
        invoiceNumber,
        distribution: { status: record.distributionStatus },
        factoring: {
          status: STATUS_NAMES[factored.InvoiceStatus] ?? null,
          // FactorCloud states no currency: the subgraph reports FACTORCLOUD_CURRENCY (default USD).
          amount: { amount: Number(factored.InvoiceAmount).toFixed(2), currency: 'USD' },
        },
      },
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.url === '/healthz') return send(res, 200, { status: 'ok' });
  let text = '';
  for await (const chunk of req) text += String(chunk);
  const parsed = requestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) return send(res, 400, { errors: [{ message: 'expected variables.n' }] });
  send(res, 200, await oneInvoice(parsed.data.variables.n));
}

/** Ends with a newline, as Apollo Server's replies do, so both servers send the same bytes. */
function send(res: ServerResponse, status: number, payload: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    .end(`${JSON.stringify(payload)}\n`);
}

const server = createServer((req, res) => {
  handle(req, res).catch(() => send(res, 502, { errors: [{ message: 'upstream call failed' }] }));
});
server.listen(env.PORT, env.HOST);
process.once('SIGTERM', () => {
  server.close();
  server.closeIdleConnections();
  void Promise.all([confirma.close(), factorCloud.close()]).then(() => process.exit(0));
});
