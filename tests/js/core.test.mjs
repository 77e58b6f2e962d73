import { loadCore, CjValidationError, OPERATIONS } from '../../npm/lib/index.js';

const core = await loadCore();

describe('loadCore', () => {
  test('is memoised: every call gives the same core', async () => {
    const [a, b] = await Promise.all([loadCore(), loadCore()]);
    expect(a).toBe(b);
    expect(a).toBe(core);
    expect(OPERATIONS).toEqual(['disputeProducts', 'disputeConfirmInfo', 'create', 'cancel', 'getDisputeList', 'getDisputeDetail']);
  });
});

describe('money helpers work on decimal strings, exactly', () => {
  test('arithmetic', () => {
    expect(core.money.add('0.10', '0.20')).toBe('0.30');
    expect(core.money.add(0.1, 0.2)).toBe('0.30');
    expect(core.money.sub('1', '1.01')).toBe('-0.01');
    expect(core.money.mul('19.99', 3)).toBe('59.97');
    expect(core.money.sum(['0.1', '0.2', 0.3])).toBe('0.60');
    expect(core.money.cmp('1.10', '1.1')).toBe(0);
    expect(core.money.cmp('2', '10')).toBe(-1);
    expect(core.money.format(12.5)).toBe('12.50');
    expect(core.money.allocate('10.00', [1, 1, 1])).toEqual(['3.34', '3.33', '3.33']);
    expect(core.money.allocate('100', ['25.00', '75.00'])).toEqual(['25.00', '75.00']);
  });

  test('a JavaScript number with more than two decimals is refused', () => {
    expect(() => core.money.add(0.1 + 0.2, 1)).toThrow(CjValidationError);
    try {
      core.money.add('1', 0.1 + 0.2);
    } catch (error) {
      expect(error.issues).toEqual([{ field: 'b', rule: 'money_precision', message: expect.stringContaining('2 decimal') }]);
    }
    expect(() => core.money.format('1e3')).toThrow(/12\.50/);
    expect(() => core.money.add('9999999999999999.99', '0.01')).toThrow(/too large/);
    expect(() => core.money.mul('1', 1.5)).toThrow(CjValidationError);
    expect(() => core.money.sum([1n])).toThrow(CjValidationError);
  });
});

describe('validate and buildRequest', () => {
  test('validate lists every issue and never throws', () => {
    const result = core.validate('create', { orderId: 'x'.repeat(101), expectType: 3 });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.field)).toEqual(
      ['businessDisputeId', 'orderId', 'disputeReasonId', 'expectType', 'refundType', 'messageText', 'productInfoList']);
    expect(core.validate('nope', {}).issues[0]).toMatchObject({ field: 'operation', rule: 'enum' });
    const circular = {};
    circular.self = circular;
    expect(core.validate('cancel', circular).issues[0].rule).toBe('type');
  });

  test('lengths count like JavaScript .length', () => {
    const params = { orderId: '1', disputeId: '😀'.repeat(50) };  // .length === 100
    expect(params.disputeId.length).toBe(100);
    expect(core.validate('cancel', params).ok).toBe(true);
    expect(core.validate('cancel', { ...params, disputeId: params.disputeId + 'a' }).issues[0].rule).toBe('max_length');
  });

  test('buildRequest carries the body as exact JSON text', () => {
    const request = core.buildRequest('disputeConfirmInfo',
      { orderId: 'O1', productInfoList: [{ lineItemId: 'L1', quantity: 2, price: 12.5 }] },
      { accessToken: 'tok' });
    expect(request).toEqual({
      method: 'POST',
      url: 'https://developers.cjdropshipping.com/api2.0/v1/disputes/disputeConfirmInfo',
      headers: { 'CJ-Access-Token': 'tok', Accept: 'application/json', 'Content-Type': 'application/json' },
      body: '{"orderId":"O1","productInfoList":[{"lineItemId":"L1","quantity":2,"price":12.50}]}',
    });
  });
});

describe('selection and refund checks', () => {
  const confirm = core.parseResponse('disputeConfirmInfo', 200, JSON.stringify({
    code: 200, result: true, data: {
      expectResultOptionList: ['1'], disputeReasonList: [{ disputeReasonId: '1', reasonName: 'Damaged' }],
      productInfoList: [{ maxProductPrice: 25, maxPostage: 2, maxAmount: 27, productInfoList: [{ lineItemId: 'L1', price: 12.5, quantity: 2, canChoose: true }] }],
    },
  })).data;

  test('a good choice passes and gets CJ prices', () => {
    const check = core.checkSelection(confirm, { productInfoList: [{ lineItemId: 'L1', quantity: 2 }], expectType: 1, disputeReasonId: 1 });
    expect(check).toEqual({ ok: true, issues: [], productInfoList: [{ lineItemId: 'L1', quantity: 2, price: 12.5 }] });
    const plan = core.planRefund(confirm, check.productInfoList);
    expect(plan).toMatchObject({ ok: true, productTotal: '25.00', maxPostage: '2.00', maxAmount: '27.00', total: '27.00' });
  });

  test('a bad choice is reported', () => {
    const check = core.checkSelection(confirm, { productInfoList: [{ lineItemId: 'L1', quantity: 3 }], expectType: 2, disputeReasonId: 9 });
    expect(check.issues.map((i) => i.rule)).toEqual(['quantity_above_disputable', 'expect_type_not_offered', 'reason_not_offered']);
  });

  test('refund details must add up', () => {
    expect(core.checkRefundDetails({ money: '3.00', refundDetails: [{ amount: '1.00' }, { amount: '2.00' }] }).ok).toBe(true);
    expect(core.checkRefundDetails({ money: '3.00', refundDetails: [{ amount: '1.00' }] }).issues[0].rule).toBe('refund_details_mismatch');
  });
});

describe('inputs far larger than the core reads', () => {
  test('are refused as answers, and the core keeps working', () => {
    const huge = 'x'.repeat(17 * 1024 * 1024);
    expect(core.validate('cancel', { orderId: huge, disputeId: 'SH1' }).issues[0].rule).toBe('json');
    expect(() => core.buildRequest('cancel', { orderId: huge, disputeId: 'SH1' }, { accessToken: 't' })).toThrow(CjValidationError);
    expect(core.parseResponse('getDisputeDetail', 200, huge)).toMatchObject({ ok: false, error: { kind: 'network', retryable: true } });
    const big = `{"code":200,"data":{"id":"${'y'.repeat(9 * 1024 * 1024)}"}}`;  // within the copy limit, over the core's 8 MiB
    expect(core.parseResponse('getDisputeDetail', 200, big).error.message).toMatch(/limit/);
    expect(core.money.add('0.10', '0.20')).toBe('0.30');
  });
});

describe('no leak at the WebAssembly boundary', () => {
  test('100,000 failing calls do not grow the wasm heap', () => {
    const bad = { orderId: '', productInfoList: [{ lineItemId: 'L1', quantity: -1, price: 'abc' }], extra: 'x'.repeat(300) };
    const failingCall = (i) => {
      switch (i % 4) {
        case 0: return core.validate('disputeConfirmInfo', bad);
        case 1: return core.parseResponse('getDisputeDetail', 200, '{"code":200,"data":{"money":"x"}}');
        case 2: try { return core.buildRequest('create', bad, { accessToken: 't' }); } catch (error) { return error; }
        default: try { return core.money.add('1', 'nope'); } catch (error) { return error; }
      }
    };
    // Warm up with the same sequence: the first calls size the reusable buffers.
    for (let i = 0; i < 1000; i++) failingCall(i);
    const before = core.memory();
    for (let i = 0; i < 100000; i++) failingCall(i);
    const after = core.memory();
    expect(after.heapBytes).toBe(before.heapBytes);
    expect(after.inUseBytes).toBe(before.inUseBytes);
  });
});
