import { describe, expect, it } from 'vitest';
import type { EndpointTable } from '../../src/upstreams/endpoint.js';
import { FACTORCLOUD_ENDPOINTS } from '../../src/upstreams/factorcloud/endpoints.js';

const table: EndpointTable = FACTORCLOUD_ENDPOINTS;
const entries = Object.entries(table);

describe('the FactorCloud endpoint table', () => {
  it('labels each entry with its documented call name, which is also its path', () => {
    const labels = Object.fromEntries(entries.map(([name, entry]) => [name, entry.name]));
    expect(labels).toEqual({
      factoringInvoiceById: 'get-invoice',
      scheduleByBatchId: 'get-sched',
      brokerScheduleByBatchId: 'get-broker-sched',
      clientByKey: 'get-client',
      clientDebtorByKeys: 'get-client-debtor',
      debtorByKey: 'get-debtor-master',
      documentByUuid: 'get-docs',
      storeDocument: 'store-docs',
      createClient: 'create-client',
      createDebtor: 'create-debtor',
      createVendor: 'create-vendor',
      createSchedule: 'create-sched',
      createBrokerSchedule: 'create-sched-broker',
      postPayments: 'post-payments',
      testGet: 'test-get',
      testPost: 'test-post',
    });
    for (const [, entry] of entries) expect(entry.path).toBe(entry.name);
  });

  it('lets only reads be retried, and never a POST that creates or changes something', () => {
    const retried = entries.filter(([, entry]) => entry.idempotent).map(([name]) => name);
    expect(retried.sort()).toEqual(
      [
        'brokerScheduleByBatchId',
        'clientByKey',
        'clientDebtorByKeys',
        'debtorByKey',
        'documentByUuid',
        'factoringInvoiceById',
        'scheduleByBatchId',
        'testGet',
      ].sort(),
    );
  });

  it('caches every read under its resource and invalidates after every write', () => {
    const resources = Object.fromEntries(
      entries.flatMap(([name, entry]) => {
        const place = entry.cache?.place('K' as never);
        return place ? [[name, place.resource]] : [];
      }),
    );
    expect(resources).toEqual({
      factoringInvoiceById: 'factorcloud.invoice',
      scheduleByBatchId: 'factorcloud.schedule',
      brokerScheduleByBatchId: 'factorcloud.brokerSchedule',
      clientByKey: 'factorcloud.client',
      clientDebtorByKeys: 'factorcloud.clientDebtor',
      debtorByKey: 'factorcloud.debtor',
      documentByUuid: 'factorcloud.document',
    });
    const writes = entries.filter(([, entry]) => entry.method === 'POST' && !entry.idempotent);
    const uncached = writes.filter(([, entry]) => !entry.invalidates).map(([name]) => name);
    // test-post only echoes: it changes nothing a read could show.
    expect(uncached).toEqual(['testPost']);
  });
});
