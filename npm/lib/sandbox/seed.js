// The sandbox's built-in data: orders that exercise every path of the disputes flow.
// `--seed FILE` replaces it with a JSON file of the same shape.

export const SANDBOX_API_KEY = 'CJ0000000@api@sandbox0000000000000000000000000000';
export const SANDBOX_ACCESS_TOKEN = 'sandbox-access-token';

const DAY = 24 * 3600 * 1000;
const BASE_DATE = Date.UTC(2026, 9, 1, 2, 30);  // 2026-10-01

const COLOURS = ['#2f5bd3', '#c2410c', '#15803d', '#7c3aed', '#b91c1c', '#0e7490'];

// A small inline picture per product: the sandbox works offline, so no image host is needed.
function picture(id) {
  const colour = COLOURS[Number(id.replace(/\D/g, '')) % COLOURS.length];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" rx="8" fill="${colour}"/>`
    + `<text x="32" y="40" font-family="sans-serif" font-size="18" fill="#fff" text-anchor="middle">${id}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function line(id, fields) {
  return {
    lineItemId: id,
    cjProductId: `1623673863466${id.replace(/\D/g, '').padStart(6, '0')}`,
    cjVariantId: `V${id}`,
    productCode: `CJ${id}`,
    image: picture(id),
    sku: `CJ-${id}`,
    ...fields,
  };
}

export function defaultSeed() {
  const history = [];
  // 24 settled disputes on one order: enough for several pages of getDisputeList.
  for (let i = 0; i < 24; i++) {
    history.push({
      orderId: '2001234567895', businessDisputeId: `history-${i + 1}`,
      lines: [{ lineItemId: `95${String(i % 6).padStart(2, '0')}`, quantity: 1 }],
      disputeReasonId: 2 + (i % 4), expectType: i % 3 === 0 ? 2 : 1, refundType: 1,
      messageText: `Earlier dispute ${i + 1}`, status: 'finished', finallyDeal: [1, 2, 3][i % 3],
      createDate: BASE_DATE + i * DAY,
    });
  }
  return {
    accounts: [{ apiKey: SANDBOX_API_KEY, openId: '1000000000000000001', accessToken: SANDBOX_ACCESS_TOKEN }],
    reasons: [
      { disputeReasonId: 1, reasonName: 'Unfulfilled Order Cancellation' },
      { disputeReasonId: 2, reasonName: 'Item not received' },
      { disputeReasonId: 3, reasonName: 'Damaged item' },
      { disputeReasonId: 4, reasonName: 'Wrong item or size' },
      { disputeReasonId: 5, reasonName: 'Quality issue' },
    ],
    orders: [
      {
        orderId: '2001234567890', orderNumber: 'SHOP-10001', postage: '4.00',
        note: 'Two suppliers, three lines: the ordinary case.',
        lines: [
          line('1001', { productName: 'Ceramic mug, blue', supplierName: 'Supplier A', price: '12.50', quantity: 2 }),
          line('1002', { productName: 'Dinner plate 27 cm', supplierName: 'Supplier A', price: '19.99', quantity: 3 }),
          line('1003', { productName: 'Tea spoon', supplierName: 'Supplier B', price: '0.10', quantity: 10 }),
        ],
      },
      {
        orderId: '2001234567891', orderNumber: 'SHOP-10002-EU', postage: '6.20', iossTax: '8.40', iossHandlingFee: '0.50',
        note: 'An EU order with IOSS tax and handling fee; CJ sends its numbers as strings.',
        numbersAsStrings: true,
        lines: [
          line('2001', { productName: 'Desk lamp', supplierName: 'Supplier C', price: '45.00', quantity: 1 }),
          line('2002', { productName: 'LED bulb E27', supplierName: 'Supplier C', price: '3.33', quantity: 3 }),
        ],
      },
      {
        orderId: '2001234567892', orderNumber: 'SHOP-10003',  postage: '2.00',
        note: 'One line already has an open dispute (canChoose false).',
        lines: [
          line('3001', { productName: 'Phone case', supplierName: 'Supplier D', price: '7.80', quantity: 2 }),
          line('3002', { productName: 'Screen protector', supplierName: 'Supplier D', price: '4.25', quantity: 2 }),
        ],
      },
      {
        orderId: '2001234567893', orderNumber: 'SHOP-10004', postage: '3.00',
        note: 'Nothing left to dispute: everything was refunded already.',
        lines: [line('4001', { productName: 'Yoga mat', supplierName: 'Supplier E', price: '24.00', quantity: 1 })],
      },
      {
        orderId: '2001234567894', orderNumber: 'SHOP-10005', postage: '1.50',
        note: 'A product name with markup, to prove pages render it as text.',
        lines: [line('5001', { productName: '<img src=x onerror=alert(1)> "Deluxe" notebook & pen', supplierName: 'Supplier <b>F</b>', price: '9.99', quantity: 4 })],
      },
      {
        orderId: '2001234567895', orderNumber: 'SHOP-10006', postage: '10.00',
        note: 'A busy order with a long dispute history (several pages).',
        lines: Array.from({ length: 6 }, (_, i) =>
          line(`95${String(i).padStart(2, '0')}`, { productName: `Sticker pack #${i + 1}`, supplierName: 'Supplier G', price: '1.25', quantity: 20 })),
      },
    ],
    disputes: [
      { orderId: '2001234567892', businessDisputeId: 'seed-open-1', lines: [{ lineItemId: '3001', quantity: 1 }], disputeReasonId: 3, expectType: 1, refundType: 1, messageText: 'Cracked on arrival', status: 'Processing', createDate: BASE_DATE - 2 * DAY },
      { orderId: '2001234567893', businessDisputeId: 'seed-done-1', lines: [{ lineItemId: '4001', quantity: 1 }], disputeReasonId: 2, expectType: 1, refundType: 2, messageText: 'Never arrived', status: 'finished', finallyDeal: 1, createDate: BASE_DATE - 10 * DAY },
      ...history,
    ],
  };
}
