import { expect } from 'vitest';
import { caseReply, distributionRecord } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { client } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import type { RunningSubgraph } from './harness.js';

/** One Confirma field and one FactorCloud field, resolved independently of each other. */
export const BOTH = `{
  invoice(invoiceNumber: "201") { invoiceNumber distribution { status } }
  client(clientKey: "CL-1") { clientKey name }
}`;

export const HEALTHY = {
  invoice: { invoiceNumber: '201', distribution: { status: 'DELIVERED' } },
  client: { clientKey: 'CL-1', name: 'Client CL-1' },
};

export interface Fakes {
  confirma: ConfirmaFake;
  factorCloud: FactorCloudFake;
}

/** Gives the fakes what BOTH asks for. */
export function seed(fakes: Fakes): void {
  fakes.confirma.records.push(distributionRecord(201));
  fakes.confirma.cases.set('480201', caseReply(480201));
  fakes.factorCloud.clients.set('CL-1', client('CL-1'));
  fakes.factorCloud.clients.set('CL-2', client('CL-2'));
}

/** With the faults lifted, the subgraph answers BOTH in full again. */
export async function expectHealthy(target: RunningSubgraph & Fakes): Promise<void> {
  target.confirma.override = undefined;
  target.factorCloud.override = undefined;
  const { body } = await target.query(BOTH);
  expect(body).toEqual({ data: HEALTHY });
}
