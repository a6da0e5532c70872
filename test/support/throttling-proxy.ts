import { createServer, request, type Server } from 'node:http';

/**
 * A loopback proxy in front of DynamoDB Local that answers some requests with DynamoDB's
 * throttling errors instead of forwarding them, as a busy table would.
 */
export interface ThrottlingProxy {
  endpoint: string;
  /** Requests answered with a throttling error so far. */
  throttled: number;
  forwarded: number;
  close(): Promise<void>;
}

export async function startThrottlingProxy(target: string, throttleEvery: number): Promise<ThrottlingProxy> {
  const upstream = new URL(target);
  let n = 0;
  const state: ThrottlingProxy = { endpoint: '', throttled: 0, forwarded: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      n++;
      if (n % throttleEvery === 0) {
        state.throttled++;
        const type = n % (2 * throttleEvery) === 0 ? 'ProvisionedThroughputExceededException' : 'ThrottlingException';
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `throttled-${n}` });
        res.end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: 'Rate of requests exceeds the allowed throughput.' }));
        return;
      }
      state.forwarded++;
      const forward = request({ hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 500, up.headers);
        up.pipe(res);
      });
      forward.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  state.endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
