import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseYaml } from 'yaml';
import { apiVersionOf, type ResourceType } from './catalog.js';
import type { DeleteOptions, PatchType, SandboxApi, WatchEvent } from './api.js';
import { ApiError } from './errors.js';
import { evictPod } from './eviction.js';
import { clone, isPlainObject, type KubeObject } from './objects.js';
import { matchesFields, matchesRequirements, parseFieldSelector, parseLabelSelector } from './selectors.js';
import { decodeProtobufObject } from './protobuf.js';
import { crdSchemaFrom, openApiV2Document, openApiV3Document, openApiV3Index, unknownFields } from './openapi.js';
import { columnsOf, tableOf, wantsTable } from './table.js';

export const SANDBOX_VERSION = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.0+isthmus-sandbox',
  gitCommit: 'sandbox',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'n/a',
  compiler: 'n/a',
  platform: 'linux/amd64',
};

/** Who may do what: bearer tokens and their rights. No tokens means no authentication. */
export type TokenRights = 'admin' | 'read-only';

export interface ServeOptions {
  host?: string;
  port?: number;
  tokens?: Record<string, TokenRights>;
  /** Decides on tokens not in `tokens` (e.g. checks the shape of an EKS token). */
  tokenCheck?: (token: string) => TokenRights | undefined;
}

const PATCH_TYPES: Record<string, PatchType> = {
  'application/merge-patch+json': 'merge',
  'application/json-patch+json': 'json',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
  'application/apply-patch+json': 'apply',
};

interface Route {
  type: ResourceType;
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Serves a SandboxApi over the Kubernetes REST protocol (JSON), enough for client libraries and kubectl. */
export async function serve(api: SandboxApi, options: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const watches = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    handle(api, req, res, options, watches).catch((err: unknown) => {
      const e = err instanceof ApiError ? err : new ApiError(500, (err as Error).message ?? String(err));
      if (!res.headersSent) send(res, e.code, e.toStatus());
      else res.end();
    });
  });
  server.on('close', () => {
    for (const w of watches) w.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${options.host ?? '127.0.0.1'}:${port}` };
}

/** CRD schemas, read from the stored CustomResourceDefinitions. */
function crdSchemas(api: SandboxApi) {
  const crdType = api.catalog.byKind('apiextensions.k8s.io', 'CustomResourceDefinition');
  return crdSchemaFrom((name) => {
    try {
      return crdType ? api.get(crdType, undefined, name) : undefined;
    } catch {
      return undefined;
    }
  });
}

/** The printer columns of a type; a CRD's come from its served version's additionalPrinterColumns. */
function tableColumns(api: SandboxApi, type: ResourceType, version: string) {
  if (!type.crd) return columnsOf(type);
  const crdType = api.catalog.byKind('apiextensions.k8s.io', 'CustomResourceDefinition');
  let crd: KubeObject | undefined;
  try {
    crd = crdType ? api.get(crdType, undefined, type.crd) : undefined;
  } catch {
    crd = undefined;
  }
  const versions = isPlainObject(crd?.spec) && Array.isArray(crd.spec['versions']) ? crd.spec['versions'] : [];
  const served = versions.find((v) => isPlainObject(v) && v['name'] === version);
  const columns = isPlainObject(served) && Array.isArray(served['additionalPrinterColumns']) ? served['additionalPrinterColumns'].filter(isPlainObject) : [];
  return columnsOf(type, columns);
}

function send(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A request body as an object: JSON, YAML, or (for the kinds typed clients send so) Kubernetes protobuf. */
function parseBody(body: Buffer, contentType: string): unknown {
  if (contentType.startsWith(PROTOBUF)) return body.length === 0 ? undefined : decodeProtobufObject(body);
  const text = body.toString('utf8');
  if (!text.trim()) return undefined;
  try {
    return contentType.includes('yaml') ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, `the request body could not be decoded: ${(err as Error).message}`);
  }
}

const PROTOBUF = 'application/vnd.kubernetes.protobuf';

function authorize(req: IncomingMessage, tokens: Record<string, TokenRights> | undefined, tokenCheck: ServeOptions['tokenCheck']): void {
  if (!tokens && !tokenCheck) return;
  const auth = req.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
  const rights = token === undefined ? undefined : (tokens?.[token] ?? tokenCheck?.(token));
  if (!rights) throw new ApiError(401, 'Unauthorized');
  if (rights === 'read-only' && !['GET', 'HEAD'].includes(req.method ?? 'GET')) {
    throw new ApiError(403, `the token is not allowed to ${req.method?.toLowerCase() ?? ''} here (the sandbox gave it read-only rights)`, 'Forbidden');
  }
}

/** Body types of the Kubernetes API: JSON (and its patch flavours) and YAML. */
const BODY_TYPES = /^application\/(json|yaml|merge-patch\+json|strategic-merge-patch\+json|apply-patch\+yaml|json-patch\+json|vnd\.kubernetes\.protobuf)\b/;

/**
 * Requests a browser could make on behalf of a web page are refused: Kubernetes clients send no
 * `Origin`, and a `Host` other than the address the request reached is a DNS-rebinding page. A
 * body must have a Kubernetes content type, so a cross-origin `text/plain` form post (which a
 * browser sends without asking first) is refused as well.
 */
function refuseBrowserRequests(req: IncomingMessage): void {
  if (req.headers.origin !== undefined) throw new ApiError(403, 'requests from web pages (with an Origin header) are refused', 'Forbidden');
  const port = req.socket.localPort ?? 0;
  const local = (req.socket.localAddress ?? '').replace(/^::ffff:/, '');
  const host = (req.headers.host ?? '').toLowerCase();
  const allowed = new Set([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, local.includes(':') ? `[${local}]:${port}` : `${local}:${port}`]);
  if (!allowed.has(host)) throw new ApiError(403, `requests for host '${host}' are refused: use the address the sandbox listens on`, 'Forbidden');
  const type = String(req.headers['content-type'] ?? '');
  if (['POST', 'PUT', 'PATCH'].includes(req.method ?? 'GET') && !BODY_TYPES.test(type))
    throw new ApiError(415, `content type '${type}' is not accepted: send application/json or application/yaml`, 'UnsupportedMediaType');
}

async function handle(api: SandboxApi, req: IncomingMessage, res: ServerResponse, options: ServeOptions, watches: Set<ServerResponse>): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  refuseBrowserRequests(req);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (['/healthz', '/readyz', '/livez'].includes(path)) {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return;
  }
  authorize(req, options.tokens, options.tokenCheck);
  if (path === '/version') return send(res, 200, SANDBOX_VERSION);
  if (path === '/openapi/v2') return send(res, 200, openApiV2Document(api.catalog, crdSchemas(api)));
  if (path === '/openapi/v3')
    return send(
      res,
      200,
      openApiV3Index(api.catalog, crdSchemas(api), (text) => createHash('sha512').update(text).digest('hex').slice(0, 32)),
    );
  if (path.startsWith('/openapi/v3/')) {
    const gv = path.slice('/openapi/v3/'.length).split('/');
    const [group, version] =
      gv[0] === 'api' && gv.length === 2 ? ['', gv[1]!] : gv[0] === 'apis' && gv.length === 3 ? [gv[1]!, gv[2]!] : [undefined, undefined];
    const doc = group !== undefined && version ? openApiV3Document(api.catalog, group, version, crdSchemas(api)) : undefined;
    if (!doc) throw new ApiError(404, 'the server could not find the requested resource');
    return send(res, 200, doc);
  }
  if (path === '/api')
    return send(res, 200, {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: req.headers.host ?? '' }],
    });
  if (path === '/apis') return send(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: api.catalog.groups().map(groupInfo) });
  const segs = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 2) {
    group = '';
    version = segs[1]!;
    rest = segs.slice(2);
  } else if (segs[0] === 'apis' && segs.length >= 2) {
    group = segs[1]!;
    if (segs.length === 2) {
      const g = api.catalog.groups().find((x) => x.name === group);
      if (!g) throw new ApiError(404, 'the server could not find the requested resource');
      return send(res, 200, { kind: 'APIGroup', apiVersion: 'v1', ...groupInfo(g) });
    }
    version = segs[2]!;
    rest = segs.slice(3);
  } else {
    throw new ApiError(404, 'the server could not find the requested resource');
  }
  if (rest.length === 0) {
    const resources = api.catalog.all().filter((t) => t.group === group && t.versions.includes(version));
    if (resources.length === 0) throw new ApiError(404, 'the server could not find the requested resource');
    return send(res, 200, {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: apiVersionOf(group, version),
      resources: resources.flatMap(resourceInfo),
    });
  }
  let watchPath = false;
  if (rest[0] === 'watch') {
    watchPath = true;
    rest = rest.slice(1);
  }
  const route = routeOf(api, group, version, rest);
  const q = url.searchParams;
  const method = req.method ?? 'GET';
  const text = method === 'GET' ? Buffer.alloc(0) : await readBody(req);
  const contentType = String(req.headers['content-type'] ?? 'application/json');
  const dryRun = q.getAll('dryRun').includes('All');
  const fieldManager = q.get('fieldManager') ?? (String(req.headers['user-agent'] ?? '').split('/')[0] || undefined);
  // Field validation as the API server does it (its default without the parameter: Warn).
  const fieldValidation = (q.get('fieldValidation') ?? 'Warn').toLowerCase();
  const checkFields = (body: unknown) => {
    if (fieldValidation === 'ignore' || route.subresource) return;
    const unknown = unknownFields(api.catalog, route.type, route.version, body, crdSchemas(api));
    if (unknown.length === 0) return;
    if (fieldValidation === 'strict')
      throw new ApiError(
        400,
        `${route.type.kind} in version "${route.version}" cannot be handled as a ${route.type.kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
        'BadRequest',
      );
    res.setHeader(
      'Warning',
      unknown.map((f) => `299 - "unknown field \\"${f}\\""`),
    );
  };
  const out = (o: KubeObject) => ({ ...o, apiVersion: apiVersionOf(route.type.group, route.version) });
  if (route.subresource === 'eviction' && route.type.kind === 'Pod' && method === 'POST' && route.name && route.namespace) {
    evictPod(api, route.namespace, route.name);
    return send(res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
  }
  if (route.subresource === 'log' && route.type.kind === 'Pod' && route.name) {
    api.get(route.type, route.namespace, route.name);
    throw new ApiError(
      400,
      `pod "${route.name}" has no logs: the Isthmus sandbox simulates Kubernetes and runs no containers (use a real cluster, e.g. kind, to read logs)`,
      'BadRequest',
    );
  }
  const sub = route.subresource as 'status' | 'scale' | undefined;
  if (route.subresource && !['status', 'scale'].includes(route.subresource))
    throw new ApiError(404, `the server could not find the requested resource (subresource ${route.subresource})`);
  if (sub === 'status' && !route.type.status) throw new ApiError(404, `${route.type.plural} has no status subresource`);

  switch (method) {
    case 'GET': {
      if (watchPath || q.get('watch') === 'true' || q.get('watch') === '1') return watch(api, route, q, res, watches);
      const table = !sub && wantsTable(req.headers.accept) ? tableColumns(api, route.type, route.version) : undefined;
      const tableOptions = { resourceVersion: String(api.resourceVersion), ...(q.get('includeObject') ? { includeObject: q.get('includeObject')! } : {}) };
      if (route.name) {
        const obj = api.get(route.type, route.namespace, route.name);
        if (table) return send(res, 200, tableOf(table, [out(obj)], tableOptions));
        return send(res, 200, sub === 'scale' ? scaleOf(obj) : out(obj));
      }
      const items = api.list(route.type, route.namespace, { labelSelector: q.get('labelSelector') ?? '', fieldSelector: q.get('fieldSelector') ?? '' });
      if (table) return send(res, 200, tableOf(table, items.map(out), tableOptions));
      return send(res, 200, {
        kind: `${route.type.kind}List`,
        apiVersion: apiVersionOf(route.type.group, route.version),
        metadata: { resourceVersion: String(api.resourceVersion) },
        items: items.map(out),
      });
    }
    case 'POST': {
      if (route.name) throw new ApiError(405, 'POST is not allowed on a named resource', 'MethodNotAllowed');
      const posted = parseBody(text, contentType);
      checkFields(posted);
      const created = api.create(route.type, route.namespace, posted, { ...(fieldManager ? { fieldManager } : {}), dryRun });
      return send(res, 201, out(created));
    }
    case 'PUT': {
      if (!route.name) throw new ApiError(405, 'PUT needs a resource name', 'MethodNotAllowed');
      let body = parseBody(text, contentType);
      checkFields(body);
      if (sub === 'scale') body = withScale(api.get(route.type, route.namespace, route.name), body);
      const updated = api.replace(route.type, route.namespace, route.name, body, {
        ...(fieldManager ? { fieldManager } : {}),
        dryRun,
        ...(sub === 'status' ? { subresource: sub } : {}),
      });
      return send(res, 200, sub === 'scale' ? scaleOf(updated) : out(updated));
    }
    case 'PATCH': {
      if (!route.name) throw new ApiError(405, 'PATCH needs a resource name', 'MethodNotAllowed');
      const patchType = PATCH_TYPES[contentType.split(';')[0]!.trim()];
      if (!patchType)
        throw new ApiError(415, `the body of the request was in an unknown format - accepted media types include: ${Object.keys(PATCH_TYPES).join(', ')}`);
      const body = parseBody(text, contentType);
      if (patchType !== 'json') checkFields(body);
      if (sub === 'scale') {
        const scaled = withScale(api.get(route.type, route.namespace, route.name), patchType === 'json' ? undefined : body);
        return send(res, 200, scaleOf(api.replace(route.type, route.namespace, route.name, scaled, { ...(fieldManager ? { fieldManager } : {}) })));
      }
      const patched = api.patch(route.type, route.namespace, route.name, patchType, body, {
        ...(fieldManager ? { fieldManager } : {}),
        force: q.get('force') === 'true',
        dryRun,
        ...(sub === 'status' ? { subresource: sub } : {}),
      });
      return send(res, 200, out(patched));
    }
    case 'DELETE': {
      const body = parseBody(text, contentType);
      const opts = (isPlainObject(body) ? body : {}) as DeleteOptions & { propagationPolicy?: string };
      const policy = (q.get('propagationPolicy') ?? opts.propagationPolicy) as DeleteOptions['propagationPolicy'];
      const deleteOptions: DeleteOptions = {
        ...(policy ? { propagationPolicy: policy } : {}),
        ...(opts.preconditions ? { preconditions: opts.preconditions } : {}),
        dryRun,
      };
      if (!route.name) {
        const items = api.list(route.type, route.namespace, { labelSelector: q.get('labelSelector') ?? '', fieldSelector: q.get('fieldSelector') ?? '' });
        for (const item of items) api.delete(route.type, item.metadata.namespace, item.metadata.name!, deleteOptions);
        return send(res, 200, {
          kind: `${route.type.kind}List`,
          apiVersion: apiVersionOf(route.type.group, route.version),
          metadata: {},
          items: items.map(out),
        });
      }
      const { object, gone } = api.delete(route.type, route.namespace, route.name, deleteOptions);
      if (gone)
        return send(res, 200, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: { name: route.name, group: route.type.group, kind: route.type.plural, uid: object.metadata.uid },
        });
      return send(res, 200, out(object));
    }
    default:
      throw new ApiError(405, `method ${method} is not allowed`, 'MethodNotAllowed');
  }
}

function routeOf(api: SandboxApi, group: string, version: string, rest: string[]): Route {
  const find = (plural: string) => {
    const t = api.catalog.byPlural(group, version, plural);
    if (!t) throw new ApiError(404, `the server could not find the requested resource (${apiVersionOf(group, version)} ${plural})`);
    return t;
  };
  // /namespaces/{ns}/{plural}[/{name}[/{sub}]], but /namespaces/{name}[/{sub}] is the Namespace itself.
  if (group === '' && rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && ['status', 'finalize'].includes(rest[2]!))) {
    const type = find(rest[2]!);
    if (!type.namespaced) throw new ApiError(404, `${type.plural} is not namespaced`);
    return { type, version, namespace: rest[1]!, ...(rest[3] ? { name: rest[3] } : {}), ...(rest[4] ? { subresource: rest[4] } : {}) };
  }
  if (group !== '' && rest[0] === 'namespaces' && rest.length >= 3) {
    const type = find(rest[2]!);
    if (!type.namespaced) throw new ApiError(404, `${type.plural} is not namespaced`);
    return { type, version, namespace: rest[1]!, ...(rest[3] ? { name: rest[3] } : {}), ...(rest[4] ? { subresource: rest[4] } : {}) };
  }
  const type = find(rest[0]!);
  if (type.namespaced && rest[1]) throw new ApiError(404, `the server could not find the requested resource: ${type.plural} is namespaced`);
  return { type, version, ...(rest[1] ? { name: rest[1] } : {}), ...(rest[2] ? { subresource: rest[2] } : {}) };
}

function groupInfo(g: { name: string; versions: string[] }) {
  const versions = g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v }));
  return { name: g.name, versions, preferredVersion: versions[0] };
}

/** The kinds `kubectl get all` lists (the `all` category, as a real API server puts them in it). */
const ALL_CATEGORY = new Set([
  '/Pod',
  '/Service',
  '/ReplicationController',
  'apps/Deployment',
  'apps/ReplicaSet',
  'apps/StatefulSet',
  'apps/DaemonSet',
  'batch/Job',
  'batch/CronJob',
]);

function resourceInfo(t: ResourceType) {
  const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
  const base = {
    name: t.plural,
    singularName: t.singular,
    namespaced: t.namespaced,
    kind: t.kind,
    verbs,
    ...(t.shortNames ? { shortNames: t.shortNames } : {}),
    ...(ALL_CATEGORY.has(`${t.group}/${t.kind}`) ? { categories: ['all'] } : {}),
    storageVersionHash: '',
  };
  const out: Array<Record<string, unknown>> = [base];
  if (t.kind === 'Pod') out.push({ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
  if (t.status) out.push({ name: `${t.plural}/status`, singularName: '', namespaced: t.namespaced, kind: t.kind, verbs: ['get', 'patch', 'update'] });
  if (t.scale)
    out.push({
      name: `${t.plural}/scale`,
      singularName: '',
      namespaced: t.namespaced,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
  return out;
}

function scaleOf(obj: KubeObject) {
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: obj.spec?.['replicas'] ?? 0 },
    status: { replicas: obj.status?.['replicas'] ?? 0 },
  };
}

function withScale(obj: KubeObject, body: unknown): KubeObject {
  const replicas = isPlainObject(body) && isPlainObject(body['spec']) ? body['spec']['replicas'] : undefined;
  if (typeof replicas !== 'number') throw new ApiError(422, 'Scale.autoscaling "" is invalid: spec.replicas: Required value');
  const copy = clone(obj);
  copy.spec = { ...(copy.spec ?? {}), replicas };
  delete copy.metadata.resourceVersion;
  return copy;
}

function watch(api: SandboxApi, route: Route, q: URLSearchParams, res: ServerResponse, watches: Set<ServerResponse>): void {
  const labels = parseLabelSelector(q.get('labelSelector') ?? '');
  const fields = parseFieldSelector(q.get('fieldSelector') ?? '');
  const resource = `${route.type.group}/${route.type.plural}`;
  const matches = (e: WatchEvent) =>
    e.resource === resource &&
    (!route.type.namespaced || route.namespace === undefined || e.object.metadata.namespace === route.namespace) &&
    (!route.name || e.object.metadata.name === route.name) &&
    matchesRequirements(e.object.metadata.labels, labels) &&
    matchesFields(e.object, fields);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  // Clients wait for the headers before they count the watch as established.
  res.flushHeaders();
  const write = (type: string, object: unknown) => res.write(`${JSON.stringify({ type, object })}\n`);
  const version = (o: KubeObject) => ({ ...o, apiVersion: apiVersionOf(route.type.group, route.version) });
  const rv = q.get('resourceVersion');
  if (q.get('sendInitialEvents') === 'true') {
    // A streaming list (client-go's WatchList): the current objects, then a bookmark that ends them.
    for (const o of api.list(route.type, route.namespace, { labelSelector: q.get('labelSelector') ?? '', fieldSelector: q.get('fieldSelector') ?? '' })) {
      if (!route.name || o.metadata.name === route.name) write('ADDED', version(o));
    }
    write('BOOKMARK', {
      kind: route.type.kind,
      apiVersion: apiVersionOf(route.type.group, route.version),
      metadata: { resourceVersion: String(api.resourceVersion), annotations: { 'k8s.io/initial-events-end': 'true' } },
    });
  } else if (!rv || rv === '0') {
    for (const o of api.list(route.type, route.namespace, { labelSelector: q.get('labelSelector') ?? '', fieldSelector: q.get('fieldSelector') ?? '' })) {
      if (!route.name || o.metadata.name === route.name) write('ADDED', version(o));
    }
  } else {
    const past = api.eventsSince(Number(rv));
    if (!past) {
      write('ERROR', new ApiError(410, `too old resource version: ${rv} (${api.resourceVersion})`, 'Expired').toStatus());
      res.end();
      return;
    }
    for (const e of past) if (matches(e)) write(e.type, version(e.object));
  }
  const stop = api.onChange((e) => {
    if (matches(e)) write(e.type, version(e.object));
  });
  watches.add(res);
  const timeout = Number(q.get('timeoutSeconds') ?? 1800);
  const timer = setTimeout(() => res.end(), timeout * 1000);
  timer.unref();
  res.on('close', () => {
    stop();
    clearTimeout(timer);
    watches.delete(res);
  });
}
