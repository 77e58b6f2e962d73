// The request path done the plain-JavaScript way, for comparison: the same rules as the core
// (required fields, lengths counted like .length, enums, whole-number ranges, money as a
// number or string with at most two decimals and 16 integer digits, http(s) URLs of at most
// 200, a non-empty line list without repeated lineItemId, no unknown fields), then the body with
// JSON.stringify. One peer uses a compiled JSON Schema (ajv), the other a zod schema.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../npm/package.json', import.meta.url));
const Ajv = require('ajv');
const { z } = require('zod');

const MONEY = /^(?:0|[1-9]\d{0,15})(?:\.\d{1,2})?$/;
const URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#@]+[^\\s]*$';
const ID = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' };
const money = (value) => MONEY.test(typeof value === 'number' ? String(value) : value);
const twoDecimals = (value) => {
  const [units, cents = ''] = String(value).split('.');
  return `${units}.${cents.padEnd(2, '0')}`;
};

// Both peers produce the same body: fields in the documented order, prices as "12.50" strings.
function body(params) {
  return JSON.stringify({
    businessDisputeId: params.businessDisputeId, orderId: params.orderId, disputeReasonId: Number(params.disputeReasonId),
    expectType: Number(params.expectType), refundType: Number(params.refundType), messageText: params.messageText,
    imageUrl: params.imageUrl, videoUrl: params.videoUrl,
    productInfoList: params.productInfoList.map((line) => ({ lineItemId: line.lineItemId, quantity: Number(line.quantity), price: twoDecimals(line.price) })),
  });
}

function request(params, config) {
  return {
    method: 'POST', url: `${config.baseUrl}/disputes/create`,
    headers: { 'CJ-Access-Token': config.accessToken, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body(params),
  };
}

function uniqueLines(lines) {
  const seen = new Set();
  return lines.every((line) => !seen.has(line.lineItemId) && seen.add(line.lineItemId));
}

export function createAjvPeer() {
  const ajv = new Ajv({ allErrors: true });
  ajv.addKeyword({ keyword: 'money', type: ['string', 'number'], validate: (_schema, value) => money(value), errors: false });
  const int = (max) => ({ anyOf: [{ type: 'integer', minimum: 1, maximum: max }, { type: 'string', pattern: '^\\d{1,10}$' }] });
  const urls = { type: 'array', items: { type: 'string', maxLength: 200, pattern: URL_PATTERN } };
  const validate = ajv.compile({
    type: 'object', additionalProperties: false,
    required: ['businessDisputeId', 'orderId', 'disputeReasonId', 'expectType', 'refundType', 'messageText', 'productInfoList'],
    properties: {
      businessDisputeId: ID, orderId: ID, disputeReasonId: int(2147483647),
      expectType: { enum: [1, 2, '1', '2'] }, refundType: { enum: [1, 2, '1', '2'] },
      messageText: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' },
      imageUrl: urls, videoUrl: urls,
      productInfoList: { type: 'array', minItems: 1, items: { type: 'object', additionalProperties: false, required: ['lineItemId', 'quantity', 'price'],
        properties: { lineItemId: ID, quantity: int(2147483647), price: { money: true } } } },
    },
  });
  return (params, config) => {
    if (!validate(params) || !uniqueLines(params.productInfoList)) return { ok: false, issues: validate.errors ?? [{ message: 'duplicate line' }] };
    return request(params, config);
  };
}

export function createZodPeer() {
  const id = z.string().max(100).regex(/\S/);
  const int = z.union([z.number().int().min(1).max(2147483647), z.string().regex(/^\d{1,10}$/)]);
  const choice = z.union([z.literal(1), z.literal(2), z.literal('1'), z.literal('2')]);
  const url = z.string().max(200).regex(new RegExp(URL_PATTERN));
  const schema = z.strictObject({
    businessDisputeId: id, orderId: id, disputeReasonId: int, expectType: choice, refundType: choice,
    messageText: z.string().max(500).regex(/\S/), imageUrl: z.array(url).optional(), videoUrl: z.array(url).optional(),
    productInfoList: z.array(z.strictObject({ lineItemId: id, quantity: int, price: z.union([z.string(), z.number()]).refine(money) }))
      .min(1).refine(uniqueLines),
  });
  return (params, config) => {
    const result = schema.safeParse(params);
    if (!result.success) return { ok: false, issues: result.error.issues };
    return request(params, config);
  };
}
