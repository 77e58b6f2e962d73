// Type declarations of cj-disputes (handwritten; checked by tests/js/types/usage.ts).

/** The six dispute operations of CJ API 2.0. */
export type Operation =
  | 'disputeProducts'
  | 'disputeConfirmInfo'
  | 'create'
  | 'cancel'
  | 'getDisputeList'
  | 'getDisputeDetail';

export const OPERATIONS: readonly Operation[];
export const DEFAULT_BASE_URL: 'https://developers.cjdropshipping.com/api2.0/v1';

/** An amount in US dollars: a decimal string ("12.50") or a number with at most two decimals. */
export type AmountInput = string | number;
/** An amount as the package returns it: always a string with two decimals, e.g. "12.50". */
export type Amount = string;

/** One problem with the input. */
export interface Issue {
  /** Path of the field: "orderId", "productInfoList[1].quantity"; "" for the whole input. */
  field: string;
  /** Stable identifier: required, type, max_length, enum, range, money_format, money_precision, ... */
  rule: string;
  /** Plain-English sentence naming the field. */
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  issues: Issue[];
}

export type ErrorKind = 'auth' | 'rate_limit' | 'quota' | 'invalid_request' | 'not_found' | 'server' | 'network' | 'unknown';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** JSON text for POST, null for GET. */
  body: string | null;
}

export interface ApiErrorValue {
  code: number | null;
  message: string;
  requestId: string | null;
  httpStatus: number;
  kind: ErrorKind;
  retryable: boolean;
}

export type ParsedResponse<T = unknown> =
  | { ok: true; data: T; requestId: string | null }
  | { ok: false; error: ApiErrorValue };

// ---------------------------------------------------------------- data

export interface ProductLineInput {
  lineItemId: string;
  quantity: number | string;
  price: AmountInput;
}

export interface ProductLine {
  lineItemId?: string;
  cjProductId?: string;
  cjVariantId?: string;
  canChoose?: boolean;
  price?: Amount | null;
  /** The quantity that can still be disputed. */
  quantity?: number | null;
  cjProductName?: string;
  cjImage?: string;
  sku?: string;
  supplierName?: string;
  [field: string]: unknown;
}

export interface RefundCaps {
  maxProductPrice?: Amount | null;
  maxPostage?: Amount | null;
  maxIossTaxAmount?: Amount | null;
  maxIossHandTaxAmount?: Amount | null;
  maxAmount?: Amount | null;
}

/** A supplier group of the confirm answer: its caps and its lines. */
export interface SupplierGroup extends RefundCaps {
  supplierName?: string;
  productInfoList: ProductLine[];
  [field: string]: unknown;
}

export interface DisputeProducts {
  orderId: string;
  orderNumber?: string;
  productInfoList: ProductLine[];
  [field: string]: unknown;
}

export interface DisputeReason {
  disputeReasonId: number;
  reasonName: string;
}

export interface DisputeConfirmInfo extends RefundCaps {
  orderId: string;
  orderNumber?: string;
  /** 1 refund, 2 reissue. */
  expectResultOptionList: number[];
  /** Supplier groups (with caps and nested lines) or plain lines, as CJ sends them. */
  productInfoList: Array<SupplierGroup | ProductLine>;
  disputeReasonList: DisputeReason[];
  [field: string]: unknown;
}

export interface DisputeProduct {
  image?: string;
  price?: Amount | null;
  lineItemId?: string;
  cjProductId?: string;
  cjVariantId?: string;
  productCode?: string;
  productId?: string;
  standId?: string;
  productName?: string;
  supplierName?: string;
  [field: string]: unknown;
}

export interface RefundDetail {
  type: string;
  typeName?: string;
  amount: Amount | null;
}

export interface Dispute {
  id: string;
  /** "Processing", "finished", ... (case varies; not a closed set). */
  status?: string;
  disputeReason?: string;
  replacementAmount?: Amount | null;
  resendOrderCode?: string;
  money?: Amount | null;
  refundAmount?: Amount | null;
  /** 1 refund, 2 reissue, 3 rejected. */
  finallyDeal?: number | null;
  /** Epoch milliseconds, or CJ's formatted date text. */
  createDate?: number | string | null;
  refundDetails?: RefundDetail[];
  productList?: DisputeProduct[];
  [field: string]: unknown;
}

export interface DisputePage {
  pageNum?: number;
  pageSize?: number;
  total?: number;
  list: Dispute[];
  [field: string]: unknown;
}

export interface CreateDisputeParams {
  /** Your unique id for this dispute; a UUID is generated when missing. */
  businessDisputeId?: string;
  orderId: string;
  disputeReasonId: number | string;
  /** 1 refund, 2 reissue. */
  expectType: 1 | 2 | '1' | '2';
  /** 1 CJ balance, 2 back through the original platform. */
  refundType: 1 | 2 | '1' | '2';
  messageText: string;
  imageUrl?: string[];
  videoUrl?: string[];
  productInfoList: ProductLineInput[];
}

export interface DisputeListParams {
  orderId?: string;
  disputeId?: string;
  orderNumber?: string;
  /** Undocumented filter CJ's tooling sends: "processing" or "finished". */
  status?: string;
  pageNumber?: number;
  /** 1..50 */
  pageSize?: number;
}

export interface OpenDisputeParams {
  orderId: string;
  lines: Array<{ lineItemId: string; quantity: number | string; price?: AmountInput }>;
  disputeReasonId: number | string;
  expectType: 1 | 2 | '1' | '2';
  refundType: 1 | 2 | '1' | '2';
  messageText: string;
  imageUrl?: string[];
  videoUrl?: string[];
  businessDisputeId?: string;
}

export interface RefundPlanLine {
  lineItemId: string;
  unitPrice: Amount;
  quantity: number;
  lineTotal: Amount;
}

export interface RefundPlan {
  ok: boolean;
  lines: RefundPlanLine[];
  productTotal: Amount;
  maxProductPrice: Amount | null;
  maxPostage: Amount | null;
  maxIossTaxAmount: Amount | null;
  maxIossHandTaxAmount: Amount | null;
  maxAmount: Amount | null;
  /** productTotal + postage + IOSS tax + IOSS handling fee. */
  total: Amount;
  issues: Issue[];
}

export interface SelectionCheck {
  ok: boolean;
  issues: Issue[];
  /** The chosen lines ready for confirm/create, priced with CJ's unit prices. */
  productInfoList: Array<{ lineItemId: string; quantity: number; price: number }>;
}

export interface RefundDetailsCheck {
  ok: boolean;
  refundAmount: Amount | null;
  detailsTotal: Amount | null;
  hasDetails: boolean;
  consistent: boolean;
  issues: Issue[];
}

export interface CreateDisputeResult {
  businessDisputeId: string;
  result: true;
  requestId: string | null;
}

export interface OpenDisputeResult extends CreateDisputeResult {
  refundPlan: RefundPlan;
}

// ---------------------------------------------------------------- core

export interface Money {
  add(a: AmountInput, b: AmountInput): Amount;
  sub(a: AmountInput, b: AmountInput): Amount;
  mul(amount: AmountInput, quantity: number | string): Amount;
  sum(amounts: AmountInput[]): Amount;
  cmp(a: AmountInput, b: AmountInput): -1 | 0 | 1;
  allocate(total: AmountInput, weights: AmountInput[]): Amount[];
  format(amount: AmountInput): Amount;
}

export interface Core {
  readonly operations: readonly Operation[];
  validate(operation: Operation, params: unknown): ValidationResult;
  /** Throws CjValidationError when params, baseUrl or accessToken are invalid. */
  buildRequest(operation: Operation, params: unknown, config: { baseUrl?: string; accessToken: string }): HttpRequest;
  parseResponse<T = unknown>(operation: Operation, httpStatus: number, bodyText: string): ParsedResponse<T>;
  checkBaseUrl(baseUrl: string): { ok: true; baseUrl: string } | { ok: false; issues: Issue[] };
  readonly money: Money;
  checkSelection(stageData: unknown, choice: { productInfoList: unknown; expectType?: unknown; disputeReasonId?: unknown }): SelectionCheck;
  planRefund(confirmData: unknown, productInfoList: unknown): RefundPlan;
  checkRefundDetails(detail: unknown): RefundDetailsCheck;
  memory(): { heapBytes: number; inUseBytes: number };
}

/** Loads the WebAssembly core once; every call resolves to the same core. */
export function loadCore(): Promise<Core>;

// ---------------------------------------------------------------- client

export interface ClientOptions {
  /** The CJ access token (server side only). Either this or getAccessToken. */
  accessToken?: string;
  /** Called for the token, and once more after CJ answers 1600001 (token invalid). */
  getAccessToken?: () => string | Promise<string>;
  /** Default https://developers.cjdropshipping.com/api2.0/v1; http only to loopback. */
  baseUrl?: string;
  /** Default globalThis.fetch. */
  fetch?: typeof globalThis.fetch;
  /** Per attempt; default 30000. */
  timeoutMs?: number;
  /** Default 2. */
  maxRetries?: number;
  /** Default 1 (CJ's Free level); 0 turns limiting off. */
  requestsPerSecond?: number;
}

export interface CjDisputesClient {
  readonly baseUrl: string;
  disputeProducts(orderId: string): Promise<DisputeProducts>;
  disputeConfirmInfo(params: { orderId: string; productInfoList: ProductLineInput[] }): Promise<DisputeConfirmInfo>;
  createDispute(params: CreateDisputeParams): Promise<CreateDisputeResult>;
  cancelDispute(params: { orderId: string; disputeId: string }): Promise<true>;
  getDisputeList(params?: DisputeListParams): Promise<DisputePage>;
  iterateDisputes(params?: Omit<DisputeListParams, 'pageNumber'> & { pageNumber?: number }): AsyncGenerator<Dispute, void, undefined>;
  getDisputeDetail(disputeId: string): Promise<Dispute>;
  openDispute(params: OpenDisputeParams): Promise<OpenDisputeResult>;
}

export function createClient(options: ClientOptions): Promise<CjDisputesClient>;

// ---------------------------------------------------------------- errors

export class CjError extends Error {
  readonly operation?: string;
  readonly businessDisputeId?: string;
  /** HTTP attempts made (0 when nothing was sent). */
  readonly attempts: number;
  toJSON(): Record<string, unknown>;
}

export class CjValidationError extends CjError {
  readonly issues: Issue[];
}

export class CjApiError extends CjError {
  readonly code: number | null;
  readonly requestId: string | null;
  readonly httpStatus: number;
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  /** Set on a create error after an attempt whose outcome was unknown. */
  readonly outcomeUnknown?: boolean;
}

export class CjRateLimitError extends CjApiError {
  /** Seconds CJ asked to wait, when it said. */
  readonly retryAfter?: number;
}

export class CjNetworkError extends CjError {
  /** The system error code (ECONNREFUSED, ECONNRESET, TIMEOUT...), when known. */
  readonly code: string | null;
  readonly httpStatus: number | null;
  readonly kind: 'network';
  /** True when a create may have reached CJ: look it up or retry with the same businessDisputeId. */
  readonly outcomeUnknown: boolean;
}

export class CjTimeoutError extends CjNetworkError {
  readonly timeoutMs: number;
}
