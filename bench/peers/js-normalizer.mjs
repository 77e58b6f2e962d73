// The response path done the plain-JavaScript way, for comparison: JSON.parse, then the same
// normalisation as the core for getDisputeList (envelope check, counts to integers, ids to
// strings, amounts to "12.50" strings with at most two decimals, "" amounts to null, dates
// kept, both product shapes with their aliases). Note: JSON.parse has already rounded ids
// beyond 2^53 by the time this runs; the core keeps them exact.
const AMOUNT = /^-?\d{1,16}(?:\.\d{1,2})?$/;

function amount(value) {
  if (value === null || value === undefined || value === '') return null;
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !AMOUNT.test(text)) throw new Error('not an amount');
  const [units, cents = ''] = text.split('.');
  return `${units}.${cents.padEnd(2, '0')}`;
}
const integer = (value) => (value === null || value === undefined || value === '' ? value === '' ? null : value : Number.parseInt(value, 10));
const id = (value) => (value === null || value === undefined ? value : String(value));

function product(p) {
  const out = { ...p, price: amount(p.price) };
  for (const key of ['lineItemId', 'cjProductId', 'cjVariantId', 'productCode', 'productId', 'standId']) if (key in p) out[key] = id(p[key]);
  if ('quantity' in p) out.quantity = integer(p.quantity);
  if (out.cjProductId == null && out.productId != null) out.cjProductId = out.productId;
  if (out.cjVariantId == null && out.standId != null) out.cjVariantId = out.standId;
  return out;
}

function dispute(d) {
  const out = { ...d };
  if ('id' in d) out.id = id(d.id);
  if (out.id == null && d.disputeId != null) out.id = id(d.disputeId);
  for (const key of ['replacementAmount', 'money', 'refundAmount']) if (key in d) out[key] = amount(d[key]);
  if (out.refundAmount == null && out.money != null) out.refundAmount = out.money;
  if (out.money == null && out.refundAmount != null) out.money = out.refundAmount;
  if ('finallyDeal' in d) out.finallyDeal = integer(d.finallyDeal);
  if (typeof d.createDate === 'string' && /^\d+$/.test(d.createDate)) out.createDate = Number(d.createDate);
  if (Array.isArray(d.productList)) out.productList = d.productList.map(product);
  return out;
}

export function normaliseList(status, bodyText) {
  let envelope;
  try {
    envelope = JSON.parse(bodyText);
  } catch {
    return { ok: false, error: { kind: 'network' } };
  }
  if (status < 200 || status > 299 || Number(envelope.code) !== 200 || envelope.result === false) return { ok: false, error: { code: envelope.code } };
  const data = envelope.data ?? {};
  const out = { ...data, list: (data.list ?? []).map(dispute) };
  for (const key of ['pageNum', 'pageSize', 'total']) if (key in data) out[key] = integer(data[key]);
  return { ok: true, data: out, requestId: envelope.requestId ?? null };
}
