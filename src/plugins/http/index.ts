import { isYamlMap as isMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import type { PluginModule } from '../registry.js';

/** `$.a.b[0].c` (or `a.b.0.c`) into a JSON value; undefined when the path does not exist. */
export function jsonPath(value: unknown, path: string): unknown {
  const parts = path
    .replace(/^\$\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  let cur: unknown = value;
  for (const p of parts) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isMap(cur)) cur = cur[p];
    else return undefined;
  }
  return cur;
}

/** `{{ name }}` from the instance's runtime properties, then the operation's inputs (in strings only). */
export function template(value: YamlValue, vars: Record<string, unknown>): YamlValue {
  if (typeof value === 'string') {
    return value.replace(/\{\{\s*([\w.[\]]+)\s*\}\}/g, (_whole, name: string) => {
      const v = jsonPath(vars, name);
      if (v === undefined)
        throw new OperationError(`template variable '${name}' has no value (runtime properties and inputs: ${Object.keys(vars).join(', ')})`, false);
      return typeof v === 'string' ? v : JSON.stringify(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => template(v, vars));
  if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, template(v, vars)]));
  return value;
}

/**
 * request: one REST call. URL = the node's base_url + the `path` input (or a full `url`);
 * headers from the node and the operation; a mapping or list body is sent as JSON. The status
 * must be one of expected_status (default any 2xx); 5xx, 429 and network errors are retried,
 * other statuses fail at once. `extract` copies JSON paths of the response into runtime
 * properties: `{pool_id: $.data.id}`. `expect` makes the call a drift check (check_drift): JSON
 * paths of the response and the values they should hold, `{$.pool.size: 3}`; the result says
 * whether any differs, and which.
 */
export async function request(ctx: OperationContext): Promise<YamlValue> {
  const props = (await ctx.evaluate(ctx.node.properties)) as YamlMap;
  const vars = { ...ctx.instance.runtimeProperties, ...ctx.inputs };
  const inputs = template(ctx.inputs, vars) as YamlMap;
  const base = typeof props['base_url'] === 'string' ? props['base_url'] : '';
  const url =
    typeof inputs['url'] === 'string'
      ? inputs['url']
      : `${base.replace(/\/$/, '')}${typeof inputs['path'] === 'string' ? (inputs['path'].startsWith('/') ? inputs['path'] : `/${inputs['path']}`) : ''}`;
  if (!/^https?:\/\//.test(url)) throw new OperationError(`node '${ctx.node.id}': no URL (give the node a base_url and the operation a path, or a url)`, false);
  const method = String(inputs['method'] ?? 'GET').toUpperCase();
  const headers: Record<string, string> = {};
  for (const h of [props['headers'], inputs['headers']]) if (isMap(h)) for (const [k, v] of Object.entries(h)) headers[k] = String(v);
  if (typeof props['token'] === 'string' && props['token']) headers['Authorization'] ??= `Bearer ${props['token']}`;
  let body: string | undefined;
  if (inputs['body'] !== undefined && inputs['body'] !== null) {
    body = typeof inputs['body'] === 'string' ? inputs['body'] : JSON.stringify(inputs['body']);
    if (typeof inputs['body'] !== 'string') headers['Content-Type'] ??= 'application/json';
  }
  const timeout = AbortSignal.timeout(Number(inputs['timeout'] ?? props['timeout'] ?? 30) * 1000);
  let response: Response;
  try {
    response = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}), signal: AbortSignal.any([timeout, ctx.signal]) });
  } catch (err) {
    throw new OperationError(`${method} ${url}: ${(err as Error).message}`, true);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = undefined;
  }
  const expected = Array.isArray(inputs['expected_status'])
    ? inputs['expected_status'].map(Number)
    : typeof inputs['expected_status'] === 'number'
      ? [inputs['expected_status']]
      : undefined;
  const ok = expected ? expected.includes(response.status) : response.status >= 200 && response.status < 300;
  if (!ok) {
    const detail = `${method} ${url} answered ${response.status}: ${text.slice(0, 300)}`;
    if (response.status === 429 || response.status >= 500) {
      const after = Number(response.headers.get('retry-after'));
      if (Number.isFinite(after) && after > 0) ctx.retry(detail, after);
      throw new OperationError(detail, true);
    }
    throw new OperationError(detail, false);
  }
  const rp = ctx.instance.runtimeProperties;
  if (isMap(inputs['extract'])) {
    for (const [prop, path] of Object.entries(inputs['extract'])) {
      const v = jsonPath(json, String(path));
      if (v === undefined) throw new OperationError(`${method} ${url}: the response has nothing at ${String(path)} (for ${prop})`, false);
      rp[prop] = v as YamlValue;
    }
  }
  ctx.logger.info(`${method} ${url} → ${response.status}`);
  const drift = isMap(inputs['expect']) ? expectationDifferences(json, inputs['expect']) : undefined;
  if (drift && drift.length > 0) ctx.logger.info(`drift in ${drift.join(', ')}`);
  return {
    status: response.status,
    ...(json !== undefined ? { body: json as YamlValue } : {}),
    ...(drift ? { drifted: drift.length > 0, differences: drift.length > 0 ? { [`${method} ${url}`]: drift } : {} } : {}),
  };
}

/** The `expect` paths the response does not hold as given: `path (live value)`. */
function expectationDifferences(json: unknown, expect: YamlMap): string[] {
  return Object.entries(expect).flatMap(([path, want]) => {
    const have = jsonPath(json, path);
    return JSON.stringify(have) === JSON.stringify(want) || (typeof want !== 'object' && String(have) === String(want))
      ? []
      : [`${path} (${have === undefined ? 'missing' : JSON.stringify(have)})`];
  });
}

/** The http plugin: `http.request`. */
export const httpPlugin: PluginModule = { name: 'http', operations: { request } };
