// Type declarations of cj-disputes/server (handwritten).
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { CjDisputesClient } from './index.js';

export const DEFAULT_MAX_BODY_BYTES: number;

export interface DisputeHandlerOptions {
  /** A client from createClient(): it holds the CJ access token, on the server. */
  client: CjDisputesClient;
  /** Prefix of the routes when the handler sees full URLs (node:http); '' when mounted (Express). */
  basePath?: string;
  /** Body size cap in bytes; default 64 KiB. */
  maxBodyBytes?: number;
}

/** A Node (req, res, next?) handler: Express middleware, node:http listener, or Fastify via reply.raw. */
export type DisputeHandler = (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void>;

export function createDisputeHandler(options: DisputeHandlerOptions): DisputeHandler;
