import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Faults the endpoint injects before answering, to test the invoker and the engine. */
export interface EndpointFaults {
  /** Answer 429 TooManyRequestsException to this many requests first. */
  throttle?: number;
  /** Answer 500 ServiceException to this many requests (after throttling). */
  serverErrors?: number;
  /** Run the handler, then drop the connection without answering, this many times. */
  dropAfterRun?: number;
  /** Report this many handler errors as `X-Amz-Function-Error: Unhandled`. */
  functionErrors?: number;
}

export interface LocalLambdaEndpoint {
  url: string;
  invocations: number;
  faults: EndpointFaults;
  close(): Promise<void>;
}

/**
 * A local stand-in for Lambda's Invoke API (`POST /2015-03-31/functions/{name}/invocations`),
 * serving a handler in this process on a loopback port, so the real LambdaInvoker and the AWS
 * SDK run end to end without an AWS account.
 */
export async function startLocalLambdaEndpoint(
  handlers: Record<string, (event: unknown) => Promise<unknown>>,
  faults: EndpointFaults = {},
): Promise<LocalLambdaEndpoint> {
  const state: LocalLambdaEndpoint = { url: '', invocations: 0, faults, close: async () => undefined };
  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations/.exec(req.url ?? '');
        const handler = match ? handlers[decodeURIComponent(match[1]!)] : undefined;
        if (req.method !== 'POST' || !handler) {
          reply(res, 404, { Type: 'User', message: `Function not found: ${req.url}` }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
          return;
        }
        state.invocations++;
        if ((faults.throttle ?? 0) > 0) {
          faults.throttle!--;
          reply(
            res,
            429,
            { Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded', message: 'Rate Exceeded.' },
            { 'x-amzn-errortype': 'TooManyRequestsException' },
          );
          return;
        }
        if ((faults.serverErrors ?? 0) > 0) {
          faults.serverErrors!--;
          reply(res, 500, { message: 'internal error' }, { 'x-amzn-errortype': 'ServiceException' });
          return;
        }
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as unknown;
        try {
          const result = await handler(event);
          if ((faults.dropAfterRun ?? 0) > 0) {
            faults.dropAfterRun!--;
            req.socket.destroy();
            return;
          }
          if ((faults.functionErrors ?? 0) > 0) {
            faults.functionErrors!--;
            reply(res, 200, { errorType: 'Error', errorMessage: 'injected handler error' }, { 'x-amz-function-error': 'Unhandled' });
            return;
          }
          reply(res, 200, result ?? null, { 'x-amz-executed-version': '$LATEST' });
        } catch (err) {
          reply(res, 200, { errorType: (err as Error).name, errorMessage: (err as Error).message }, { 'x-amz-function-error': 'Unhandled' });
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  state.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
