// Compile-only check of the handwritten declarations: this file must type-check (tsc --noEmit),
// and each @ts-expect-error line must be an error.
import {
  createClient, loadCore, CjError, CjApiError, CjRateLimitError, CjNetworkError, CjTimeoutError, CjValidationError,
  type Dispute, type Issue, type Amount, type CjDisputesClient,
} from 'cj-disputes';
import { startSandbox, type Sandbox } from 'cj-disputes/sandbox';
import { createDisputeHandler } from 'cj-disputes/server';
import { CjDisputeListElement } from 'cj-disputes/web';
import http from 'node:http';

async function main(): Promise<void> {
  const cj: CjDisputesClient = await createClient({ accessToken: 'token', requestsPerSecond: 2, timeoutMs: 10_000, maxRetries: 2 });
  await createClient({ getAccessToken: async () => 'token', baseUrl: 'http://127.0.0.1:8787/api2.0/v1', fetch: globalThis.fetch });

  const products = await cj.disputeProducts('2001234567890');
  const price: Amount | null | undefined = products.productInfoList[0]?.price;
  const confirm = await cj.disputeConfirmInfo({ orderId: products.orderId, productInfoList: [{ lineItemId: 'L1', quantity: 1, price: '12.50' }] });
  const options: number[] = confirm.expectResultOptionList;
  const created = await cj.createDispute({
    orderId: 'O1', disputeReasonId: 1, expectType: 1, refundType: 2, messageText: 'Broken',
    imageUrl: ['https://example.com/a.jpg'], productInfoList: [{ lineItemId: 'L1', quantity: 1, price: 12.5 }],
  });
  const id: string = created.businessDisputeId;
  const cancelled: true = await cj.cancelDispute({ orderId: 'O1', disputeId: 'SH1' });
  const page = await cj.getDisputeList({ orderId: 'O1', pageNumber: 1, pageSize: 20 });
  const first: Dispute | undefined = page.list[0];
  for await (const dispute of cj.iterateDisputes({ orderId: 'O1', pageSize: 50 })) {
    const money: string | null | undefined = dispute.money;
    void money;
  }
  const detail = await cj.getDisputeDetail('SH1');
  const opened = await cj.openDispute({ orderId: 'O1', lines: [{ lineItemId: 'L1', quantity: 2 }], disputeReasonId: 1, expectType: 2, refundType: 1, messageText: 'x' });
  const total: string = opened.refundPlan.total;

  const core = await loadCore();
  const sum: string = core.money.add('0.10', 0.2);
  const cmp: -1 | 0 | 1 = core.money.cmp('1', '2');
  const issues: Issue[] = core.validate('create', {}).issues;
  const request = core.buildRequest('getDisputeDetail', { disputeId: 'SH1' }, { accessToken: 't' });
  const method: 'GET' | 'POST' = request.method;
  const parsed = core.parseResponse<Dispute>('getDisputeDetail', 200, '{}');
  if (parsed.ok) {
    const status: string | undefined = parsed.data.status;
    void status;
  } else {
    const retryable: boolean = parsed.error.retryable;
    void retryable;
  }

  try {
    await cj.getDisputeDetail('SH1');
  } catch (error) {
    if (error instanceof CjValidationError) console.log(error.issues.map((i) => i.field));
    if (error instanceof CjRateLimitError) console.log(error.retryAfter, error.code);
    if (error instanceof CjApiError) console.log(error.code, error.requestId, error.httpStatus, error.kind, error.operation);
    if (error instanceof CjTimeoutError) console.log(error.timeoutMs, error.outcomeUnknown);
    if (error instanceof CjNetworkError) console.log(error.code, error.businessDisputeId);
    if (error instanceof CjError) console.log(error.attempts, JSON.stringify(error));
  }

  // @ts-expect-error expectType is 1 or 2
  await cj.createDispute({ orderId: 'O1', disputeReasonId: 1, expectType: 3, refundType: 1, messageText: 'x', productInfoList: [] });
  // @ts-expect-error unknown operation
  core.validate('refund', {});
  // @ts-expect-error cancel needs both ids
  await cj.cancelDispute({ orderId: 'O1' });

  const sandbox: Sandbox = await startSandbox({ port: 0, qps: 0, dataFile: '/tmp/state.db', rateLimitStatus: 429 });
  sandbox.faults.enqueue([{ fail: 1600000 }, { drop: 'after' }, { html: 502 }]);
  sandbox.resolveDispute('SH1', { finallyDeal: 1, money: '5.00' });
  await createClient({ accessToken: sandbox.accessToken ?? '', baseUrl: sandbox.baseUrl });
  await sandbox.close();

  const routes = createDisputeHandler({ client: cj, basePath: '/api/cj', maxBodyBytes: 65536 });
  http.createServer((req, res) => void routes(req, res));
  const list = document.querySelector('cj-dispute-list');
  if (list instanceof CjDisputeListElement) await list.load(2);
  document.addEventListener('cj-dispute-created', (event) => console.log(event.detail.businessDisputeId));

  void [price, options, id, cancelled, first, detail, total, sum, cmp, issues, method];
}

void main;
