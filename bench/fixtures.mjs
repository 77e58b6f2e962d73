// The inputs every benchmark uses: a create with three product lines (~500 bytes of JSON) and
// a 20-item getDisputeList answer in CJ's own shape (amounts as numbers, counts as strings).
export const CREATE_PARAMS = {
  businessDisputeId: '0b6f3c1e-8d1a-4a57-9d3e-2f4c1b7a9e10',
  orderId: '2001234567890',
  disputeReasonId: 3,
  expectType: 1,
  refundType: 1,
  messageText: 'Two of the three mugs arrived broken; the box was crushed on one side.',
  imageUrl: ['https://example.com/photos/broken-mug-1.jpg'],
  productInfoList: [
    { lineItemId: '1623673863466725376', quantity: 2, price: '12.50' },
    { lineItemId: '1623673863466725377', quantity: 1, price: 19.99 },
    { lineItemId: '1623673863466725378', quantity: 5, price: '0.10' },
  ],
};

export const CONFIG = { baseUrl: 'https://developers.cjdropshipping.com/api2.0/v1', accessToken: 'bench-token-0123456789abcdef' };

function dispute(i) {
  return `{"status":"${i % 3 ? 'finished' : 'Processing'}","id":"SH16236738634667253${String(i).padStart(2, '0')}","disputeReason":"Damaged item",`
    + `"replacementAmount":0.00,"resendOrderCode":"","money":${i % 3 ? '12.50' : 'null'},"finallyDeal":${i % 3 ? '"1"' : 'null'},"createDate":"2026-10-${String(1 + (i % 28)).padStart(2, '0')} 10:30:00",`
    + `"productList":[{"image":"https://cf.cjdropshipping.com/p/${i}.jpg","price":12.50,"lineItemId":"16236738634667${i}","cjProductId":${1623673863466725000 + i},`
    + `"cjVariantId":"V${i}","productName":"Ceramic mug, blue","supplierName":"Supplier A","quantity":"2"}]}`;
}

export const LIST_BODY = `{"code":200,"result":true,"message":"Success","data":{"pageNum":"1","pageSize":20,"total":"57","list":[${
  Array.from({ length: 20 }, (_, i) => dispute(i)).join(',')}]},"requestId":"0242ad78-eea2-481d-876a-7cf64398f07f","success":true}`;
