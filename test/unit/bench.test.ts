import { describe, expect, it } from 'vitest';
import { criticalPathBound, resourcesTouched, totalCalls } from '../../bench/bounds.js';
import { factoringInvoiceId, ROOT, SEED, TODAY } from '../../bench/config.js';
import { moduleOf, summariseProfile } from '../../bench/profile.js';
import type { CpuProfile } from '../../bench/profile.js';
import { median, percentile } from '../../bench/stats.js';
import { generateDataset } from '../../src/simulators/index.js';

describe('benchmark lower bounds', () => {
  it('counts waves per upstream and lets get-client fill the last get-invoice wave', () => {
    const bound = criticalPathBound(
      { distributionPages: 1, cases: 27, factoringInvoices: 50, clients: 11 },
      16,
      20,
    );
    // Confirma: 1 page + ⌈27/16⌉ = 2 case waves; FactorCloud: ⌈(50+11)/16⌉ = 4 waves after the page.
    expect(bound).toEqual({ boundMs: 100, waves: 5, roundsMs: 120 });
  });

  it('needs two FactorCloud waves whenever a client is selected, however few calls', () => {
    const bound = criticalPathBound(
      { distributionPages: 1, cases: 0, factoringInvoices: 3, clients: 2 },
      16,
      20,
    );
    expect(bound.waves).toBe(3);
    const noClients = criticalPathBound(
      { distributionPages: 1, cases: 40, factoringInvoices: 3, clients: 0 },
      16,
      10,
    );
    expect(noClients).toEqual({ boundMs: 40, waves: 4, roundsMs: 40 });
  });

  it('derives the resources from the reply and the dataset, each case and client once', () => {
    const dataset = generateDataset({ today: TODAY, seed: SEED, invoiceCount: 30, factoringInvoiceId });
    const numbers = [...dataset.confirmaInvoices.keys()].map(String);
    const factored = numbers.filter((n) => dataset.factorCloudInvoices.has(factoringInvoiceId(n)));
    const clientKeys = new Set(
      factored.map((n) => dataset.factorCloudInvoices.get(factoringInvoiceId(n))?.invoice.ClientKey),
    );
    const nodes = numbers.map((invoiceNumber, i) => ({
      invoiceNumber,
      // Two invoices sharing a case id must cost one case call.
      paymentControl: { caseId: i < 2 ? '481920' : i % 3 === 0 ? `48${i}` : null },
      factoring: null,
    }));
    const resources = resourcesTouched({ data: { invoices: { nodes } } }, dataset);
    expect(resources).toEqual({
      distributionPages: 1,
      cases: 1 + nodes.filter((_n, i) => i >= 2 && i % 3 === 0).length,
      factoringInvoices: 30,
      clients: clientKeys.size,
    });
    expect(totalCalls(resources)).toBe(1 + resources.cases + 30 + clientKeys.size);
  });

  it('refuses a reply naming a client the dataset does not link to the invoice', () => {
    const dataset = generateDataset({ today: TODAY, seed: SEED, invoiceCount: 5, factoringInvoiceId });
    const [first] = dataset.confirmaInvoices.keys();
    const reply = {
      data: {
        invoices: {
          nodes: [
            {
              invoiceNumber: String(first),
              paymentControl: null,
              factoring: { client: { clientKey: 'NOT-A-CLIENT' } },
            },
          ],
        },
      },
    };
    expect(() => resourcesTouched(reply, dataset)).toThrow(/NOT-A-CLIENT/);
  });
});

describe('CPU profile summary', () => {
  const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('execute', 'file:///x/node_modules/graphql/execution/execute.js', 9) },
      { id: 4, callFrame: frame('processRequest', 'file:///x/node_modules/@apollo/server/dist/a.js', 1) },
      { id: 5, callFrame: frame('(garbage collector)') },
      { id: 6, callFrame: frame('parse') },
    ],
    startTime: 1_000_000,
    samples: [2, 3, 3, 4, 5, 6, 3],
    timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 4000],
  };

  it('adds up self time by package and function, as a share of the busy time', () => {
    const summary = summariseProfile(profile);
    expect(summary.idleMs).toBe(1);
    expect(summary.busyMs).toBe(9);
    expect(summary.byModule[0]).toEqual({ name: 'graphql', ms: 6, percent: (6 / 9) * 100 });
    expect(summary.byModule.map((t) => t.name)).toEqual([
      'graphql',
      '@apollo/server',
      '(garbage collector)',
      '(V8 builtins)',
    ]);
    expect(summary.byFunction[0]?.name).toBe('execute graphql/execution/execute.js:10');
  });

  it('counts only the samples inside the measured window', () => {
    // Stamps: 1.001, 1.002, …, 1.006, 1.010 s; the window holds the 2nd to 4th sample.
    const summary = summariseProfile(profile, { fromUs: 1_002_000, toUs: 1_004_000 });
    expect(summary.windowed).toBe(true);
    expect(summary.busyMs).toBe(3);
    expect(summary.byModule.map((t) => [t.name, t.ms])).toEqual([
      ['graphql', 2],
      ['@apollo/server', 1],
    ]);
  });

  it('names modules by package, project folder or Node internals', () => {
    expect(moduleOf('file:///app/node_modules/.pnpm/x/node_modules/@scope/pkg/a.js', 'f')).toBe('@scope/pkg');
    expect(moduleOf(`file://${ROOT}src/http/attempt.ts`, 'f')).toBe('src/http');
    expect(moduleOf(`file://${ROOT}dist/http/attempt.js`, 'f')).toBe('src/http');
    expect(moduleOf('node:internal/streams/readable', 'f')).toBe('node:internals');
    expect(moduleOf('', '(program)')).toBe('(program)');
  });
});

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles and the middle of an even count', () => {
    const sorted = Array.from({ length: 100 }, (_v, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
