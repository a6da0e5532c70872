import { apiVersionOf, type ResourceCatalog, type ResourceType } from './catalog.js';
import type { StatusCause } from './errors.js';
import { isPlainObject, type KubeObject } from './objects.js';

/*
 * The OpenAPI documents real clients fetch before they write: kubectl validates objects and computes
 * strategic-merge patches from /openapi/v3 (then /openapi/v2); Helm validates manifests with them.
 * Each built-in kind's schema states what the sandbox's own validation (validation.ts) requires —
 * required names, images and selectors, port ranges, string maps — plus the patch keys of its
 * lists; parts the sandbox does not model keep their unknown fields (`x-kubernetes-preserve-
 * unknown-fields`), so anything a real API server accepts passes. A CRD's kinds get the CRD's own
 * openAPIV3Schema.
 */

type Schema = Record<string, unknown>;

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';
const open = (properties: Record<string, Schema> = {}, required?: string[]): Schema => ({
  type: 'object',
  properties,
  ...(required ? { required } : {}),
  'x-kubernetes-preserve-unknown-fields': true,
});
const string: Schema = { type: 'string' };
const boolean: Schema = { type: 'boolean' };
const port: Schema = { type: 'integer', format: 'int32', minimum: 1, maximum: 65535 };
const stringMap: Schema = { type: 'object', additionalProperties: { type: 'string' } };
const intOrString: Schema = { 'x-kubernetes-int-or-string': true };
const listOf = (items: Schema, mergeKey?: string): Schema => ({
  type: 'array',
  items,
  ...(mergeKey
    ? {
        'x-kubernetes-patch-merge-key': mergeKey,
        'x-kubernetes-patch-strategy': 'merge',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': [mergeKey],
      }
    : {}),
});

/** Any value (a field the sandbox does not model: its content is not checked). */
const ANY: Schema = {};
/** A closed object: the names a real API server knows (unmodeled ones take any value), the typed ones checked. */
const closed = (names: string[], typed: Record<string, Schema> = {}, required?: string[]): Schema => ({
  type: 'object',
  properties: { ...Object.fromEntries(names.map((n) => [n, ANY])), ...typed },
  ...(required ? { required } : {}),
});

const containerPort = closed(['name', 'hostIP', 'protocol'], { containerPort: port, hostPort: port }, ['containerPort']);
const envVar = closed(['valueFrom'], { name: string, value: string }, ['name']);
const volumeMount = closed(['readOnly', 'recursiveReadOnly', 'subPath', 'mountPropagation', 'subPathExpr'], { name: string, mountPath: string }, [
  'name',
  'mountPath',
]);
const container = closed(
  [
    'workingDir',
    'envFrom',
    'resources',
    'resizePolicy',
    'restartPolicy',
    'volumeDevices',
    'livenessProbe',
    'readinessProbe',
    'startupProbe',
    'lifecycle',
    'terminationMessagePath',
    'terminationMessagePolicy',
    'imagePullPolicy',
    'securityContext',
    'stdin',
    'stdinOnce',
    'tty',
  ],
  {
    name: string,
    image: string,
    command: listOf(string),
    args: listOf(string),
    ports: listOf(containerPort, 'containerPort'),
    env: listOf(envVar, 'name'),
    volumeMounts: listOf(volumeMount, 'mountPath'),
  },
  ['name'],
);

const podSpec = closed(
  [
    'ephemeralContainers',
    'restartPolicy',
    'terminationGracePeriodSeconds',
    'activeDeadlineSeconds',
    'dnsPolicy',
    'serviceAccountName',
    'serviceAccount',
    'automountServiceAccountToken',
    'nodeName',
    'hostNetwork',
    'hostPID',
    'hostIPC',
    'shareProcessNamespace',
    'securityContext',
    'hostname',
    'subdomain',
    'affinity',
    'schedulerName',
    'tolerations',
    'hostAliases',
    'priorityClassName',
    'priority',
    'dnsConfig',
    'readinessGates',
    'runtimeClassName',
    'enableServiceLinks',
    'preemptionPolicy',
    'overhead',
    'topologySpreadConstraints',
    'setHostnameAsFQDN',
    'os',
    'hostUsers',
    'schedulingGates',
    'resourceClaims',
  ],
  {
    containers: { ...listOf(container, 'name'), minItems: 1 },
    initContainers: listOf(container, 'name'),
    volumes: listOf(open({ name: string }, ['name']), 'name'),
    nodeSelector: stringMap,
    imagePullSecrets: listOf(closed([], { name: string }), 'name'),
  },
  ['containers'],
);

const labelSelector = closed([], {
  matchLabels: stringMap,
  matchExpressions: listOf(closed([], { key: string, operator: string, values: listOf(string) }, ['key', 'operator'])),
});
const podTemplate = closed([], { metadata: { $ref: `#/components/schemas/${META}` }, spec: podSpec });
const replicas: Schema = { type: 'integer', format: 'int32', minimum: 0 };
const workload = (names: string[]) => closed(names, { replicas, selector: labelSelector, template: podTemplate }, ['selector', 'template']);

/** What each built-in kind's spec (and other top-level fields) look like. */
const KIND_FIELDS: Record<string, Record<string, Schema>> = {
  Pod: { spec: podSpec, status: open() },
  Deployment: { spec: workload(['strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds']), status: open() },
  ReplicaSet: { spec: workload(['minReadySeconds']), status: open() },
  StatefulSet: {
    spec: workload([
      'volumeClaimTemplates',
      'serviceName',
      'podManagementPolicy',
      'updateStrategy',
      'revisionHistoryLimit',
      'minReadySeconds',
      'persistentVolumeClaimRetentionPolicy',
      'ordinals',
    ]),
    status: open(),
  },
  DaemonSet: {
    spec: closed(['updateStrategy', 'minReadySeconds', 'revisionHistoryLimit'], { selector: labelSelector, template: podTemplate }, ['selector', 'template']),
    status: open(),
  },
  Job: {
    spec: closed(
      [
        'parallelism',
        'completions',
        'activeDeadlineSeconds',
        'podFailurePolicy',
        'successPolicy',
        'backoffLimit',
        'backoffLimitPerIndex',
        'maxFailedIndexes',
        'manualSelector',
        'ttlSecondsAfterFinished',
        'completionMode',
        'suspend',
        'podReplacementPolicy',
        'managedBy',
      ],
      { selector: labelSelector, template: podTemplate },
      ['template'],
    ),
    status: open(),
  },
  CronJob: {
    spec: closed(
      ['timeZone', 'startingDeadlineSeconds', 'concurrencyPolicy', 'suspend', 'jobTemplate', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'],
      { schedule: string },
      ['schedule', 'jobTemplate'],
    ),
    status: open(),
  },
  Service: {
    spec: closed(
      [
        'clusterIPs',
        'externalIPs',
        'sessionAffinity',
        'loadBalancerIP',
        'loadBalancerSourceRanges',
        'externalTrafficPolicy',
        'healthCheckNodePort',
        'publishNotReadyAddresses',
        'sessionAffinityConfig',
        'ipFamilies',
        'ipFamilyPolicy',
        'allocateLoadBalancerNodePorts',
        'loadBalancerClass',
        'internalTrafficPolicy',
        'trafficDistribution',
      ],
      {
        type: { type: 'string', enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
        selector: stringMap,
        ports: listOf(closed(['name', 'protocol', 'appProtocol'], { port, targetPort: intOrString, nodePort: port }, ['port']), 'port'),
        clusterIP: string,
        externalName: string,
      },
    ),
    status: open(),
  },
  ConfigMap: { data: stringMap, binaryData: stringMap, immutable: boolean },
  Secret: { data: stringMap, stringData: stringMap, type: string, immutable: boolean },
  PersistentVolumeClaim: {
    spec: closed(
      ['selector', 'volumeMode', 'dataSource', 'dataSourceRef', 'volumeAttributesClassName'],
      { accessModes: { ...listOf(string), minItems: 1 }, resources: open(), storageClassName: string, volumeName: string },
      ['accessModes', 'resources'],
    ),
    status: open(),
  },
  Namespace: { spec: open(), status: open() },
  Node: { spec: open({ unschedulable: boolean, taints: listOf(open()) }), status: open() },
  CustomResourceDefinition: {
    spec: open(
      {
        group: string,
        names: open({ plural: string, kind: string, singular: string, shortNames: listOf(string) }, ['plural', 'kind']),
        scope: string,
        versions: { ...listOf(open(), 'name'), minItems: 1 },
      },
      ['group', 'names', 'scope', 'versions'],
    ),
    status: open(),
  },
};

const GROUP_PACKAGES: Record<string, string> = {
  '': 'io.k8s.api.core',
  apps: 'io.k8s.api.apps',
  batch: 'io.k8s.api.batch',
  'networking.k8s.io': 'io.k8s.api.networking',
  'rbac.authorization.k8s.io': 'io.k8s.api.rbac',
  'storage.k8s.io': 'io.k8s.api.storage',
  policy: 'io.k8s.api.policy',
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
};

/** The component name of a kind, as the real API server names it (a CRD's: its reversed group). */
export function schemaName(type: ResourceType, version: string, kind = type.kind): string {
  const pkg = GROUP_PACKAGES[type.group] ?? type.group.split('.').reverse().join('.');
  return `${pkg}.${version}.${kind}`;
}

const gvk = (type: ResourceType, version: string, kind = type.kind) => [{ group: type.group, version, kind }];

/** A CRD's schema for a served version (its openAPIV3Schema), found in the stored CRD. */
export type CrdSchemaLookup = (crdName: string, version: string) => Schema | undefined;

function kindSchema(type: ResourceType, version: string, crdSchema: CrdSchemaLookup): Schema {
  const own = type.crd ? crdSchema(type.crd, version) : undefined;
  const base: Schema = own
    ? { ...own, type: 'object' }
    : KIND_FIELDS[type.kind]
      ? { type: 'object', properties: { ...KIND_FIELDS[type.kind] } }
      : { type: 'object', properties: { spec: open(), status: open() }, 'x-kubernetes-preserve-unknown-fields': true };
  const properties = isPlainObject(base['properties']) ? base['properties'] : {};
  return {
    description: `${type.kind} (${apiVersionOf(type.group, version)}), as the Isthmus sandbox serves it.`,
    ...base,
    properties: { ...properties, apiVersion: string, kind: string, metadata: { $ref: `#/components/schemas/${META}` } },
    'x-kubernetes-group-version-kind': gvk(type, version),
  };
}

const objectMeta: Schema = {
  description: 'ObjectMeta is metadata that all persisted resources must have.',
  type: 'object',
  properties: {
    name: string,
    generateName: string,
    namespace: string,
    selfLink: string,
    uid: string,
    resourceVersion: string,
    generation: { type: 'integer', format: 'int64' },
    creationTimestamp: { type: 'string', format: 'date-time' },
    deletionTimestamp: { type: 'string', format: 'date-time' },
    deletionGracePeriodSeconds: { type: 'integer', format: 'int64' },
    labels: stringMap,
    annotations: stringMap,
    finalizers: { ...listOf(string), 'x-kubernetes-patch-strategy': 'merge' },
    ownerReferences: listOf(
      open({ apiVersion: string, kind: string, name: string, uid: string, controller: boolean, blockOwnerDeletion: boolean }, [
        'apiVersion',
        'kind',
        'name',
        'uid',
      ]),
      'uid',
    ),
    managedFields: listOf(open()),
  },
};

/** The schemas a group-version's document holds: its kinds, their lists, and the metadata they refer to. */
function schemasOf(catalog: ResourceCatalog, group: string, version: string, crdSchema: CrdSchemaLookup): Record<string, Schema> {
  const out: Record<string, Schema> = { [META]: objectMeta, [LIST_META]: open({ resourceVersion: string, continue: string }) };
  for (const type of catalog.all()) {
    if (type.group !== group || !type.versions.includes(version)) continue;
    out[schemaName(type, version)] = kindSchema(type, version, crdSchema);
    out[schemaName(type, version, `${type.kind}List`)] = {
      type: 'object',
      required: ['items'],
      properties: {
        apiVersion: string,
        kind: string,
        metadata: { $ref: `#/components/schemas/${LIST_META}` },
        items: listOf({ $ref: `#/components/schemas/${schemaName(type, version)}` }),
      },
      'x-kubernetes-group-version-kind': gvk(type, version, `${type.kind}List`),
    };
  }
  return out;
}

/** The group-versions the catalog serves, as OpenAPI v3 discovery paths (`api/v1`, `apis/apps/v1`). */
function groupVersions(catalog: ResourceCatalog): Array<{ group: string; version: string; path: string }> {
  const seen = new Map<string, { group: string; version: string; path: string }>();
  for (const t of catalog.all())
    for (const v of t.versions) {
      const path = t.group ? `apis/${t.group}/${v}` : `api/${v}`;
      seen.set(path, { group: t.group, version: v, path });
    }
  return [...seen.values()];
}

/** `/openapi/v3`: where each group-version's document is; the hash changes when its kinds do. */
export function openApiV3Index(catalog: ResourceCatalog, crdSchema: CrdSchemaLookup, hash: (text: string) => string): Record<string, unknown> {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of groupVersions(catalog)) {
    const doc = JSON.stringify(openApiV3Document(catalog, gv.group, gv.version, crdSchema));
    paths[gv.path] = { serverRelativeURL: `/openapi/v3/${gv.path}?hash=${hash(doc)}` };
  }
  return { paths };
}

/** Query parameters every write takes; kubectl looks for fieldValidation to leave validation to the server. */
const WRITE_PARAMETERS = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
  name,
  in: 'query',
  schema: { type: 'string', uniqueItems: true },
}));

/** The item paths of a group-version's kinds, with the operations kubectl inspects (its PATCH's GVK and parameters). */
function pathsOf(catalog: ResourceCatalog, group: string, version: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
  for (const type of catalog.all()) {
    if (type.group !== group || !type.versions.includes(version)) continue;
    const gvkExt = { group: type.group, version, kind: type.kind };
    const ref = { $ref: `#/components/schemas/${schemaName(type, version)}` };
    const op = (verb: string, withBody: boolean) => ({
      operationId: `${verb}${type.kind}`,
      'x-kubernetes-action': verb,
      'x-kubernetes-group-version-kind': gvkExt,
      parameters: withBody ? WRITE_PARAMETERS : [],
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: ref } } } },
    });
    const item = `${prefix}${type.namespaced ? '/namespaces/{namespace}' : ''}/${type.plural}/{name}`;
    const collection = `${prefix}${type.namespaced ? '/namespaces/{namespace}' : ''}/${type.plural}`;
    // kubectl computes a strategic-merge patch only where the PATCH accepts one: built-in kinds.
    const patchTypes = [
      'application/apply-patch+yaml',
      'application/json-patch+json',
      'application/merge-patch+json',
      ...(type.crd ? [] : ['application/strategic-merge-patch+json']),
    ];
    const patch = { ...op('patch', true), requestBody: { content: Object.fromEntries(patchTypes.map((t) => [t, { schema: { type: 'object' } }])) } };
    out[item] = { get: op('get', false), put: op('put', true), patch, delete: op('delete', false) };
    out[collection] = { get: op('list', false), post: op('post', true) };
  }
  return out;
}

/** `/openapi/v3/<path>`: one group-version's schemas and paths (OpenAPI 3.0). */
export function openApiV3Document(catalog: ResourceCatalog, group: string, version: string, crdSchema: CrdSchemaLookup): Record<string, unknown> | undefined {
  if (!catalog.all().some((t) => t.group === group && t.versions.includes(version))) return undefined;
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes (Isthmus sandbox)', version: 'v1.31.0' },
    paths: pathsOf(catalog, group, version),
    components: { schemas: schemasOf(catalog, group, version, crdSchema) },
  };
}

/** Rewrites v3 references for a Swagger 2.0 document (`#/definitions/…`). */
function toV2(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toV2);
  if (!isPlainObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$ref' && typeof v === 'string') out[k] = v.replace('#/components/schemas/', '#/definitions/');
    else out[k] = toV2(v);
  }
  return out;
}

/** `/openapi/v2`: every served kind in one Swagger 2.0 document (what older kubectl and Helm read). */
export function openApiV2Document(catalog: ResourceCatalog, crdSchema: CrdSchemaLookup): Record<string, unknown> {
  const definitions: Record<string, unknown> = {};
  for (const gv of groupVersions(catalog)) Object.assign(definitions, toV2(schemasOf(catalog, gv.group, gv.version, crdSchema)));
  return { swagger: '2.0', info: { title: 'Kubernetes (Isthmus sandbox)', version: 'v1.31.0' }, paths: {}, definitions };
}

/** Looks a CRD's version schema up in the stored CRD object. */
export function crdSchemaFrom(get: (name: string) => KubeObject | undefined): CrdSchemaLookup {
  return (name, version) => {
    const crd = get(name);
    const versions = isPlainObject(crd?.spec) && Array.isArray(crd.spec['versions']) ? crd.spec['versions'] : [];
    const served = versions.find((v) => isPlainObject(v) && v['name'] === version);
    const schema = isPlainObject(served) && isPlainObject(served['schema']) ? served['schema']['openAPIV3Schema'] : undefined;
    return isPlainObject(schema) ? schema : undefined;
  };
}

/** A kind's schema and a resolver of the references in it (to the other schemas of its group-version). */
function kindSchemas(
  catalog: ResourceCatalog,
  type: ResourceType,
  version: string,
  crdSchema: CrdSchemaLookup,
): { root: Schema | undefined; resolve: (s: Schema) => Schema } {
  const schemas = schemasOf(catalog, type.group, version, crdSchema);
  const resolve = (schema: Schema): Schema => {
    const ref = schema['$ref'];
    return typeof ref === 'string' ? (schemas[ref.replace('#/components/schemas/', '')] ?? {}) : schema;
  };
  return { root: schemas[schemaName(type, version)], resolve };
}

/**
 * The fields of a request body its kind's schema does not know (`spec.template.spec.containers[0].imagee`),
 * for fieldValidation=Strict|Warn as the API server checks it. Patch directives (`$patch`,
 * `$setElementOrder/…`, `$retainKeys`) are not fields.
 */
export function unknownFields(catalog: ResourceCatalog, type: ResourceType, version: string, body: unknown, crdSchema: CrdSchemaLookup): string[] {
  const { root, resolve } = kindSchemas(catalog, type, version, crdSchema);
  const out: string[] = [];
  const walk = (schema: Schema, value: unknown, at: string) => {
    const s = resolve(schema);
    if (Array.isArray(value)) {
      const items = s['items'];
      if (isPlainObject(items)) for (const [i, v] of value.entries()) walk(items, v, `${at}[${i}]`);
      return;
    }
    if (!isPlainObject(value)) return;
    const properties = isPlainObject(s['properties']) ? (s['properties'] as Record<string, Schema>) : undefined;
    const extra = s['additionalProperties'];
    for (const [key, v] of Object.entries(value)) {
      if (key.startsWith('$')) continue;
      const path = at ? `${at}.${key}` : key;
      const known = properties?.[key];
      if (known) walk(known, v, path);
      else if (isPlainObject(extra)) walk(extra, v, path);
      else if (properties && s['x-kubernetes-preserve-unknown-fields'] !== true && extra !== true) out.push(path);
    }
  };
  if (root) walk(root, body, '');
  return out;
}

const TYPE_TESTS: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  object: (v) => isPlainObject(v),
  array: (v) => Array.isArray(v),
};

/**
 * What an object breaks of its kind's schema — types, required fields, enums, bounds, lengths,
 * patterns — as the API server reports it (a CRD's custom resources against its openAPIV3Schema,
 * the built-in kinds against the sandbox's schemas). The sandbox refuses writes with these causes.
 */
export function schemaCauses(catalog: ResourceCatalog, type: ResourceType, version: string, obj: unknown, crdSchema: CrdSchemaLookup): StatusCause[] {
  const { root, resolve } = kindSchemas(catalog, type, version, crdSchema);
  const out: StatusCause[] = [];
  const show = (v: unknown) => JSON.stringify(v);
  const walk = (schema: Schema, value: unknown, at: string) => {
    const s = resolve(schema);
    // JSON null is an unset field to the API server (clients send `creationTimestamp: null`); required ones are checked by their parent.
    if (value === null) return;
    if (s['x-kubernetes-int-or-string'] === true) {
      if (typeof value !== 'number' && typeof value !== 'string')
        out.push({ reason: 'FieldValueInvalid', field: at, message: `Invalid value: ${show(value)}: ${at} in body must be of type integer or string` });
      return;
    }
    const kind = s['type'];
    if (typeof kind === 'string' && TYPE_TESTS[kind] && !TYPE_TESTS[kind](value)) {
      out.push({
        reason: 'FieldValueInvalid',
        field: at,
        message: `Invalid value: ${show(value)}: ${at} in body must be of type ${kind}: ${show(typeof value)}`,
      });
      return;
    }
    if (Array.isArray(s['enum']) && !s['enum'].some((e) => JSON.stringify(e) === JSON.stringify(value)))
      out.push({
        reason: 'FieldValueNotSupported',
        field: at,
        message: `Unsupported value: ${show(value)}: supported values: ${s['enum'].map(show).join(', ')}`,
      });
    if (typeof value === 'number') {
      if (typeof s['minimum'] === 'number' && value < s['minimum'])
        out.push({
          reason: 'FieldValueInvalid',
          field: at,
          message: `Invalid value: ${value}: ${at} in body should be greater than or equal to ${s['minimum']}`,
        });
      if (typeof s['maximum'] === 'number' && value > s['maximum'])
        out.push({ reason: 'FieldValueInvalid', field: at, message: `Invalid value: ${value}: ${at} in body should be less than or equal to ${s['maximum']}` });
    }
    if (typeof value === 'string') {
      if (typeof s['minLength'] === 'number' && value.length < s['minLength'])
        out.push({
          reason: 'FieldValueInvalid',
          field: at,
          message: `Invalid value: ${show(value)}: ${at} in body should be at least ${s['minLength']} chars long`,
        });
      if (typeof s['maxLength'] === 'number' && value.length > s['maxLength'])
        out.push({ reason: 'FieldValueTooLong', field: at, message: `Too long: may not be more than ${s['maxLength']} bytes` });
      if (typeof s['pattern'] === 'string') {
        let re: RegExp | undefined;
        try {
          re = new RegExp(s['pattern']);
        } catch {
          re = undefined;
        }
        if (re && !re.test(value))
          out.push({ reason: 'FieldValueInvalid', field: at, message: `Invalid value: ${show(value)}: ${at} in body should match '${s['pattern']}'` });
      }
    }
    if (Array.isArray(value)) {
      if (typeof s['minItems'] === 'number' && value.length < s['minItems']) out.push({ reason: 'FieldValueRequired', field: at, message: 'Required value' });
      if (typeof s['maxItems'] === 'number' && value.length > s['maxItems'])
        out.push({ reason: 'FieldValueTooMany', field: at, message: `Too many: ${value.length}: must have at most ${s['maxItems']} items` });
      const items = s['items'];
      if (isPlainObject(items)) for (const [i, v] of value.entries()) walk(items, v, `${at}[${i}]`);
      return;
    }
    if (!isPlainObject(value)) return;
    for (const name of Array.isArray(s['required']) ? s['required'] : [])
      if (typeof name === 'string' && (value[name] === undefined || value[name] === null))
        out.push({ reason: 'FieldValueRequired', field: at ? `${at}.${name}` : name, message: 'Required value' });
    const properties = isPlainObject(s['properties']) ? (s['properties'] as Record<string, Schema>) : {};
    const extra = s['additionalProperties'];
    for (const [key, v] of Object.entries(value)) {
      const path = at ? `${at}.${key}` : key;
      if (properties[key]) walk(properties[key], v, path);
      else if (isPlainObject(extra)) walk(extra, v, path);
    }
  };
  if (root) walk(root, obj, '');
  return out;
}
