import { readFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { isYamlMap as isMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import type { PluginModule } from '../registry.js';
import { renderJinja } from '../templates.js';

type Vars = Record<string, unknown>;
import { matchesExpectations, translateResponse, valueAt } from './translate.js';

/**
 * Cloudify's REST plugin (`rest.cloudify_rest.tasks.execute` / `bunch_execute`, the
 * `cloudify.rest.Requests` types of cloudify-utilities-plugin), done natively: a YAML template of
 * `rest_calls` rendered with Jinja (nunjucks, see ../templates.ts) from `params` and the results of the
 * calls before it, each call sent to the first of `hosts` that answers, its response judged
 * (`successful_codes`, `recoverable_codes`, `response_expectation`, `nonrecoverable_response`) and
 * translated into runtime properties. Recoverable failures become a retry after `retry_sleep`
 * (never a sleep inside the step), counted against the operation's max_retries.
 *
 * Results: with `save_path` (bunch: `save_to`) under that runtime property, else merged into the
 * runtime properties; the translated properties sit both at the top of that result and under
 * `result_properties`, which covers both ways Cloudify's own examples read them. `calls` keeps each
 * call's method, path and status — not payloads or credentials — unless `remove_calls`.
 */

interface Connection {
  hosts: string[];
  port: number;
  ssl: boolean;
  verify: YamlValue;
  cert: YamlValue;
  timeoutSeconds: number;
}

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

const str = (v: YamlValue | undefined): string | undefined => (typeof v === 'string' && v ? v : undefined);

function connectionOf(props: YamlMap, call: YamlMap): Connection {
  const pick = (k: string) => (call[k] !== undefined && call[k] !== null ? call[k] : props[k]);
  const hostsValue = pick('hosts');
  const hosts = (Array.isArray(hostsValue) && hostsValue.length ? hostsValue : [pick('host')].flat()).map((h) => String(h ?? '')).filter(Boolean);
  if (hosts.length === 0) throw new OperationError('the REST node has no hosts (or host)', false);
  const ssl = pick('ssl') === true;
  const port = Number(pick('port') ?? -1);
  return {
    hosts,
    ssl,
    port: port > 0 ? port : ssl ? 443 : 80,
    verify: pick('verify') ?? true,
    cert: pick('cert') ?? null,
    timeoutSeconds: Number(pick('timeout') ?? 30) || 30,
  };
}

/** `verify`/`cert` may be a file path or PEM content, as in Cloudify. */
async function pem(v: YamlValue, blueprintDir: string): Promise<string | undefined> {
  if (typeof v !== 'string' || !v) return undefined;
  if (v.includes('-----BEGIN')) return v;
  return readFile(path.isAbsolute(v) ? v : path.join(blueprintDir, v), 'utf8');
}

async function send(
  conn: Connection,
  host: string,
  method: string,
  pathAndQuery: string,
  headers: Record<string, string>,
  body: string | undefined,
  ctx: OperationContext,
): Promise<Response> {
  const ca = conn.verify === false || conn.verify === 'false' ? undefined : await pem(conn.verify, ctx.blueprintDir);
  const cert = await pem(conn.cert, ctx.blueprintDir);
  const tls = conn.ssl
    ? { rejectUnauthorized: !(conn.verify === false || conn.verify === 'false'), ...(ca ? { ca } : {}), ...(cert ? { cert, key: cert } : {}) }
    : {};
  return new Promise((resolve, reject) => {
    const req = (conn.ssl ? httpsRequest : httpRequest)(
      {
        host,
        port: conn.port,
        method,
        path: pathAndQuery,
        headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
        timeout: conn.timeoutSeconds * 1000,
        signal: ctx.signal,
        ...tls,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${conn.timeoutSeconds} s`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function parseBody(res: Response, format: string): unknown {
  const kind =
    format === 'auto' ? (/json/.test(String(res.headers['content-type'])) ? 'json' : /xml/.test(String(res.headers['content-type'])) ? 'xml' : 'text') : format;
  if (!res.body) return kind === 'json' || kind === 'xml' ? {} : '';
  try {
    if (kind === 'json') return JSON.parse(res.body) as unknown;
    if (kind === 'xml') return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false }).parse(res.body) as unknown;
  } catch (err) {
    throw new OperationError(`the response is not valid ${kind}: ${(err as Error).message}`, true);
  }
  return res.body;
}

function bodyOf(call: YamlMap, headers: Record<string, string>): string | undefined {
  const payload = call['payload'];
  const raw = call['payload_raw'] ?? call['raw_payload'];
  if (typeof raw === 'string') return raw;
  if (payload === undefined || payload === null) return undefined;
  const format = String(call['payload_format'] ?? 'json');
  if (format === 'raw') return typeof payload === 'string' ? payload : JSON.stringify(payload);
  if (format === 'urlencoded') {
    headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
    return new URLSearchParams(
      Object.entries(isMap(payload) ? payload : {}).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    ).toString();
  }
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  return JSON.stringify(payload);
}

const codes = (v: YamlValue | undefined): number[] => (Array.isArray(v) ? v.map(Number) : []);

/** One call: sent to the first host that answers, judged, translated into `results`. */
async function runCall(
  ctx: OperationContext,
  props: YamlMap,
  call: YamlMap,
  auth: YamlMap,
  results: Record<string, unknown>,
  retrySleep: number,
): Promise<{ method: string; path: string; status: number }> {
  const conn = connectionOf(props, call);
  const method = String(call['method'] ?? 'GET').toUpperCase();
  const headers: Record<string, string> = {};
  if (isMap(call['headers'])) for (const [k, v] of Object.entries(call['headers'])) headers[k] = String(v);
  const credentials = isMap(call['auth']) ? call['auth'] : auth;
  if (str(credentials['user']))
    headers['Authorization'] ??= `Basic ${Buffer.from(`${String(credentials['user'])}:${String(credentials['password'] ?? '')}`).toString('base64')}`;
  const body = bodyOf(call, headers);
  const query = isMap(call['params'])
    ? `?${new URLSearchParams(Object.entries(call['params']).map(([k, v]): [string, string] => [k, String(v)])).toString()}`
    : '';
  const target = `${String(call['path'] ?? '/')}${query}`;
  let res: Response | undefined;
  const failures: string[] = [];
  for (const host of conn.hosts) {
    try {
      res = await send(conn, host, method, target, headers, body, ctx);
      break;
    } catch (err) {
      failures.push(`${host}: ${(err as Error).message}`);
    }
  }
  const where = `${method} ${conn.ssl ? 'https' : 'http'}://{${conn.hosts.join(',')}}:${conn.port}${target}`;
  if (!res) {
    const message = `${where}: no host answered (${failures.join('; ')})`;
    if (call['retry_on_connection_error'] === true) ctx.retry(message, retrySleep);
    throw new OperationError(message, false);
  }
  const detail = `${where} answered ${res.status}`;
  if (!codes(call['successful_codes']).includes(res.status) && res.status >= 400) {
    if (codes(call['recoverable_codes']).includes(res.status)) ctx.retry(`${detail} (recoverable): ${res.body.slice(0, 300)}`, retrySleep);
    throw new OperationError(`${detail}: ${res.body.slice(0, 300)}`, false);
  }
  const data = parseBody(res, String(call['response_format'] ?? 'auto').toLowerCase());
  const unacceptable = call['nonrecoverable_response'];
  if (Array.isArray(unacceptable)) {
    for (const rule of unacceptable.every((e) => Array.isArray(e)) ? unacceptable : [unacceptable]) {
      if (matchesExpectations([rule], data).ok)
        throw new OperationError(`${detail}: the response matches nonrecoverable_response ${JSON.stringify(rule)}`, false);
    }
  }
  const expectation = matchesExpectations(call['response_expectation'], data);
  if (!expectation.ok) ctx.retry(`${detail}, but ${expectation.failed}`, retrySleep);
  translateResponse(call['response_translation'], str(call['translation_format']), data, results);
  if (isMap(call['header_translation'])) translateResponse(call['header_translation'], 'v1', res.headers, results);
  ctx.logger.info(`${detail}`);
  return { method, path: String(call['path'] ?? '/'), status: res.status };
}

interface TemplateRun {
  templateFile: string;
  params: Vars;
  prerender: boolean;
  removeCalls: boolean;
}

/** Renders a template and runs its calls in order; later calls see earlier results as variables. */
async function runTemplate(ctx: OperationContext, props: YamlMap, run: TemplateRun, auth: YamlMap, retrySleep: number): Promise<YamlMap> {
  if (!run.templateFile) throw new OperationError('no template_file: give the REST operation a template of rest_calls', false);
  const file = path.resolve(ctx.blueprintDir, run.templateFile);
  if (path.relative(ctx.blueprintDir, file).startsWith('..'))
    throw new OperationError(`template_file '${run.templateFile}' is outside the blueprint directory`, false);
  const source = await readFile(file, 'utf8').catch(() => {
    throw new OperationError(`template_file '${run.templateFile}' does not exist in the blueprint directory`, false);
  });
  const results: Record<string, unknown> = {};
  const vars = (): Vars => ({ ...run.params, ...results });
  const loaded = parseYaml(run.prerender ? renderJinja(source, vars(), run.templateFile) : source) as unknown;
  const calls = isMap(loaded as YamlValue) && Array.isArray((loaded as YamlMap)['rest_calls']) ? ((loaded as YamlMap)['rest_calls'] as YamlValue[]) : undefined;
  if (!calls) throw new OperationError(`template_file '${run.templateFile}' has no rest_calls list`, false);
  const done: YamlValue[] = [];
  for (const raw of calls) {
    if (!isMap(raw)) throw new OperationError(`template_file '${run.templateFile}': each rest_calls item must be a mapping`, false);
    // Without prerender each call is rendered on its own, just before it is sent.
    const call = run.prerender ? raw : (renderValue(raw, vars()) as YamlMap);
    done.push(await runCall(ctx, props, call, auth, results, retrySleep));
  }
  return { ...(results as YamlMap), result_properties: results as YamlMap, ...(run.removeCalls ? {} : { calls: done }) };
}

function renderValue(v: YamlValue, vars: Vars): YamlValue {
  if (typeof v === 'string') return v.includes('{') ? renderJinja(v, vars, 'a rest_calls entry') : v;
  if (Array.isArray(v)) return v.map((x) => renderValue(x, vars));
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, renderValue(x, vars)]));
  return v;
}

function store(ctx: OperationContext, savePath: string | undefined, result: YamlMap): void {
  const rp = ctx.instance.runtimeProperties;
  if (savePath) rp[savePath] = result;
  else Object.assign(rp, result);
}

/** rest.cloudify_rest.tasks.execute: one template. */
async function execute(ctx: OperationContext): Promise<YamlValue> {
  const props = (await ctx.evaluate(ctx.node.properties)) as YamlMap;
  const i = ctx.inputs;
  const params: Vars = { ...(isMap(props['params']) ? props['params'] : {}), ...(isMap(i['params']) ? i['params'] : {}) };
  const result = await runTemplate(
    ctx,
    props,
    { templateFile: String(i['template_file'] ?? ''), params, prerender: i['prerender'] === true, removeCalls: i['remove_calls'] === true },
    isMap(i['auth']) ? i['auth'] : {},
    Number(i['retry_sleep'] ?? 15),
  );
  store(ctx, str(i['save_path']), result);
  return null;
}

/** rest.cloudify_rest.tasks.bunch_execute: several templates in order (`templates` input). */
async function bunchExecute(ctx: OperationContext): Promise<YamlValue> {
  const props = (await ctx.evaluate(ctx.node.properties)) as YamlMap;
  const i = ctx.inputs;
  const templates = Array.isArray(i['templates']) ? i['templates'] : [];
  for (const t of templates) {
    if (!isMap(t)) throw new OperationError("each of bunch_execute's templates must be a mapping", false);
    const params: Vars = { ...(isMap(props['params']) ? props['params'] : {}), ...(isMap(t['params']) ? t['params'] : {}) };
    // params_attributes: variables read from this instance's runtime properties (e.g. an earlier template's result).
    if (isMap(t['params_attributes'])) {
      for (const [name, where] of Object.entries(t['params_attributes']))
        params[name] = valueAt(ctx.instance.runtimeProperties, Array.isArray(where) ? where : [where]);
    }
    const result = await runTemplate(
      ctx,
      props,
      { templateFile: String(t['template_file'] ?? ''), params, prerender: t['prerender'] === true, removeCalls: t['remove_calls'] === true },
      isMap(i['auth']) ? i['auth'] : {},
      Number(t['retry_sleep'] ?? i['retry_sleep'] ?? 15),
    );
    store(ctx, str(t['save_to']), result);
  }
  return null;
}

/** The `rest` plugin of cloudify-utilities-plugin, by Cloudify's task names. */
export const restPlugin: PluginModule = {
  name: 'rest',
  operations: { 'cloudify_rest.tasks.execute': execute, 'cloudify_rest.tasks.bunch_execute': bunchExecute },
};
