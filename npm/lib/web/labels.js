// Words the merchant sees for CJ's codes.
export const EXPECT_TYPES = { 1: 'Refund', 2: 'Reissue (send the goods again)' };
export const REFUND_TYPES = { 1: 'CJ balance (wallet)', 2: 'Original payment (platform)' };

export function dollars(amount) {
  return amount === null || amount === undefined || amount === '' ? '—' : `$${amount}`;
}

export function outcome(dispute) {
  switch (dispute.finallyDeal) {
    case 1: return `Refunded ${dollars(dispute.refundAmount ?? dispute.money)}`;
    case 2: return dispute.resendOrderCode ? `Reissued (order ${dispute.resendOrderCode})` : 'Reissued';
    case 3: return 'Rejected';
    default: return isProcessing(dispute) ? 'Awaiting CJ' : '—';
  }
}

export function isProcessing(dispute) {
  return String(dispute.status ?? '').toLowerCase() === 'processing';
}

/** CJ's dates: epoch milliseconds, or text CJ formatted already. */
export function when(value) {
  if (typeof value === 'number') return new Date(value).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  return value ? String(value) : '—';
}
