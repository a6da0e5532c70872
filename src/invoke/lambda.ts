import { InvokeCommand, LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda';
import type { StepOutcome, StepRequest } from '../runtime/types.js';
import type { StepInvoker } from './types.js';

/** Lambda's synchronous payload limit (request and response). */
export const LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;

export interface LambdaInvokerOptions {
  functionName: string;
  client?: LambdaClient;
  clientConfig?: LambdaClientConfig;
  /** Extra attempts after the SDK's own retries, for throttling and service errors. */
  retries?: number;
  baseDelayMs?: number;
}

/**
 * Invokes the step Lambda synchronously. A handler error comes back as HTTP 200 with
 * `FunctionError` set (the SDK does not throw): it becomes a recoverable step failure.
 * Throttling (429) and 5xx are retried with backoff; a request over Lambda's 6 MB limit is
 * refused before it is sent.
 */
export class LambdaInvoker implements StepInvoker {
  private readonly client: LambdaClient;

  constructor(private readonly options: LambdaInvokerOptions) {
    this.client = options.client ?? new LambdaClient({ maxAttempts: 4, ...options.clientConfig });
  }

  async invoke(request: StepRequest): Promise<StepOutcome> {
    const payload = Buffer.from(JSON.stringify(request));
    if (payload.byteLength > LAMBDA_PAYLOAD_LIMIT) {
      return {
        status: 'failed',
        recoverable: false,
        error: `step request is ${payload.byteLength} bytes, over Lambda's 6 MB limit; keep large data in runtime properties`,
      };
    }
    const retries = this.options.retries ?? 6;
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await this.client.send(new InvokeCommand({ FunctionName: this.options.functionName, InvocationType: 'RequestResponse', Payload: payload }));
        const text = r.Payload ? Buffer.from(r.Payload).toString('utf8') : '';
        if (r.FunctionError) {
          let message = text;
          try {
            const parsed = JSON.parse(text) as { errorMessage?: string; errorType?: string };
            message = `${parsed.errorType ?? 'Error'}: ${parsed.errorMessage ?? text}`;
          } catch {
            // not JSON: keep the text
          }
          return { status: 'failed', recoverable: true, infrastructure: true, error: `step function error (${r.FunctionError}): ${message.slice(0, 2000)}` };
        }
        return JSON.parse(text) as StepOutcome;
      } catch (err) {
        const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        const name = (err as { name?: string }).name ?? '';
        const transient =
          status === 429 ||
          (status !== undefined && status >= 500) ||
          /Throttl|TooManyRequests|ServiceException|TimeoutError|ECONNRESET|ECONNREFUSED/.test(name + String((err as Error).message));
        if (!transient || attempt >= retries) throw err;
        const delay = Math.min(10_000, (this.options.baseDelayMs ?? 100) * 2 ** attempt) * (0.5 + Math.random() / 2);
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }
}
