// Type declarations of cj-disputes/sandbox (handwritten).

export const SANDBOX_API_KEY: string;
export const SANDBOX_ACCESS_TOKEN: string;

/** A fault for the next request: see the README's sandbox section. */
export interface SandboxFault {
  /** Answer late, before handling the request. */
  latencyMs?: number;
  /** Handle the request (the change is made), then answer this late. */
  stallMs?: number;
  /** CJ code to answer with (1600000 busy by default when true). */
  fail?: number | true;
  /** HTTP status of the failure (200 by default, as CJ does). */
  status?: number;
  /** Close the connection before handling the request, or after handling it. */
  drop?: 'before' | 'after';
  /** Answer an HTML error page with this HTTP status. */
  html?: number | true;
  /** Send half of the real answer, then reset the connection. */
  truncate?: boolean;
}

export interface SandboxSeed {
  accounts?: Array<{ apiKey: string; openId: string; accessToken?: string }>;
  reasons?: Array<{ disputeReasonId: number; reasonName: string }>;
  orders?: Array<{
    orderId: string;
    orderNumber?: string;
    postage?: string;
    iossTax?: string;
    iossHandlingFee?: string;
    expectResultOptions?: number[];
    numbersAsStrings?: boolean;
    lines: Array<{
      lineItemId: string; price: string; quantity: number; cjProductId?: string; cjVariantId?: string;
      productCode?: string; productName?: string; image?: string; sku?: string; supplierName?: string;
    }>;
  }>;
  disputes?: Array<{
    orderId: string; businessDisputeId: string; lines: Array<{ lineItemId: string; quantity: number }>;
    disputeReasonId: number; expectType: 1 | 2; refundType: 1 | 2; messageText: string;
    status?: 'Processing' | 'finished' | 'Cancelled'; finallyDeal?: 1 | 2 | 3; createDate?: number;
  }>;
}

export interface SandboxOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed?: SandboxSeed;
  /** SQLite file that keeps state across restarts; in memory when absent. */
  dataFile?: string;
  /** Requests per second per access token; default 1, 0 = no limit. */
  qps?: number;
  /** HTTP status of a 1600200 answer: 200 (default, as CJ) or 429. */
  rateLimitStatus?: 200 | 429;
  latencyMs?: number;
  failRate?: number;
  dropRate?: number;
  autoResolveSeconds?: number;
}

export interface Sandbox {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** url + /api2.0/v1: give this to createClient as baseUrl. */
  readonly baseUrl: string;
  readonly port: number;
  readonly apiKey?: string;
  readonly accessToken?: string;
  readonly faults: { enqueue(faults: SandboxFault[]): void; clear(): void; readonly pending: number };
  /** Settles a Processing dispute: 1 refund (optionally of `money`), 2 reissue, 3 reject. */
  resolveDispute(disputeId: string, settlement?: { finallyDeal?: 1 | 2 | 3; money?: string }): void;
  close(): Promise<void>;
}

export function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
export function readSeedFile(file: string): Promise<SandboxSeed>;
export function defaultSeed(): SandboxSeed;
