import type { ResourceType } from './catalog.js';
import { isPlainObject, type KubeObject } from './objects.js';

/*
 * Server-side printing (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`), as kubectl asks for
 * it on every `get`: the columns a real API server prints for the built-in kinds (priority 1
 * columns only with `-o wide`), a CRD's additionalPrinterColumns, else NAME and AGE. Cells are
 * what kubectl shows, computed here as the API server's printers compute them.
 */

interface Column {
  name: string;
  type: 'string' | 'integer' | 'date' | 'number' | 'boolean';
  format?: string;
  description: string;
  priority: number;
  cell: (o: KubeObject, now: number) => unknown;
}

const obj = (v: unknown): Record<string, unknown> => (isPlainObject(v) ? v : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown, none = '<none>'): string => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : none);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** Kubernetes' HumanDuration: 45s, 3m20s, 17m, 5h3m, 12h, 3d4h, 21d, 2y30d, 9y. */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  if (d < 365 * 2) return `${d}d`;
  const y = Math.floor(d / 365);
  if (y < 8) return d % 365 === 0 ? `${y}y` : `${y}y${d % 365}d`;
  return `${y}y`;
}

const name: Column = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  priority: 0,
  cell: (o) => o.metadata.name,
};
const age: Column = {
  name: 'Age',
  type: 'string',
  description: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
  priority: 0,
  cell: (o, now) => (o.metadata.creationTimestamp ? humanDuration(now - Date.parse(o.metadata.creationTimestamp)) : '<unknown>'),
};
const col = (title: string, priority: number, cell: Column['cell'], type: Column['type'] = 'string'): Column => ({
  name: title,
  type,
  description: title,
  priority,
  cell,
});

const podTemplate = (o: KubeObject) => obj(obj(obj(o.spec)['template'])['spec']);
const containersOf = (spec: Record<string, unknown>) => arr(spec['containers']).map(obj);
const containerNames = (o: KubeObject) =>
  containersOf(podTemplate(o))
    .map((c) => str(c['name']))
    .join(',') || '<none>';
const images = (o: KubeObject) =>
  containersOf(podTemplate(o))
    .map((c) => str(c['image']))
    .join(',') || '<none>';
const selector = (o: KubeObject) => {
  const s = obj(obj(o.spec)['selector']);
  const labels = obj(s['matchLabels'] ?? (Object.keys(s).length > 0 && !s['matchExpressions'] ? s : {}));
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${String(v)}`);
  for (const e of arr(s['matchExpressions']).map(obj)) parts.push(`${str(e['key'])} ${str(e['operator']).toLowerCase()} (${arr(e['values']).join(',')})`);
  return parts.join(',') || '<none>';
};

function podStatus(o: KubeObject): string {
  if (o.metadata.deletionTimestamp) return 'Terminating';
  const status = obj(o.status);
  for (const c of arr(status['containerStatuses']).map(obj)) {
    const state = obj(c['state']);
    const waiting = obj(state['waiting'])['reason'];
    if (typeof waiting === 'string') return waiting;
    const terminated = obj(state['terminated'])['reason'];
    if (typeof terminated === 'string') return terminated;
  }
  return str(status['reason'], str(status['phase'], 'Pending'));
}

function servicePorts(o: KubeObject): string {
  return (
    arr(obj(o.spec)['ports'])
      .map(obj)
      .map((p) => `${num(p['port'])}${p['nodePort'] ? `:${num(p['nodePort'])}` : ''}/${str(p['protocol'], 'TCP')}`)
      .join(',') || '<none>'
  );
}

function externalIp(o: KubeObject): string {
  const spec = obj(o.spec);
  const ingress = arr(obj(obj(o.status)['loadBalancer'])['ingress'])
    .map(obj)
    .map((i) => str(i['ip'], str(i['hostname'], '')))
    .filter(Boolean);
  const given = arr(spec['externalIPs']).map(String);
  const all = [...ingress, ...given];
  if (all.length > 0) return all.join(',');
  if (spec['type'] === 'LoadBalancer') return '<pending>';
  if (spec['type'] === 'ExternalName') return str(spec['externalName']);
  return '<none>';
}

const condition = (o: KubeObject, type: string) =>
  arr(obj(o.status)['conditions'])
    .map(obj)
    .find((c) => c['type'] === type);

/** The built-in kinds' columns, by kind (group-less names are unique among the sandbox's kinds). */
const COLUMNS: Record<string, Column[]> = {
  Pod: [
    name,
    col('Ready', 0, (o) => {
      const statuses = arr(obj(o.status)['containerStatuses']).map(obj);
      return `${statuses.filter((c) => c['ready'] === true).length}/${containersOf(obj(o.spec)).length}`;
    }),
    col('Status', 0, podStatus),
    col('Restarts', 0, (o) => String(arr(obj(o.status)['containerStatuses']).reduce((n: number, c) => n + num(obj(c)['restartCount']), 0))),
    age,
    col('IP', 1, (o) => str(obj(o.status)['podIP'])),
    col('Node', 1, (o) => str(obj(o.spec)['nodeName'])),
    col('Nominated Node', 1, (o) => str(obj(o.status)['nominatedNodeName'])),
    col('Readiness Gates', 1, (o) => (arr(obj(o.spec)['readinessGates']).length > 0 ? String(arr(obj(o.spec)['readinessGates']).length) : '<none>')),
  ],
  Node: [
    name,
    col('Status', 0, (o) => {
      const ready = condition(o, 'Ready');
      const base = ready?.['status'] === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
      return obj(o.spec)['unschedulable'] === true ? `${base},SchedulingDisabled` : base;
    }),
    col('Roles', 0, (o) => {
      const roles = Object.keys(o.metadata.labels ?? {})
        .filter((k) => k.startsWith('node-role.kubernetes.io/'))
        .map((k) => k.slice('node-role.kubernetes.io/'.length));
      return roles.join(',') || '<none>';
    }),
    age,
    col('Version', 0, (o) => str(obj(obj(o.status)['nodeInfo'])['kubeletVersion'], '')),
    col('Internal-IP', 1, (o) =>
      str(
        arr(obj(o.status)['addresses'])
          .map(obj)
          .find((a) => a['type'] === 'InternalIP')?.['address'],
      ),
    ),
    col('External-IP', 1, (o) =>
      str(
        arr(obj(o.status)['addresses'])
          .map(obj)
          .find((a) => a['type'] === 'ExternalIP')?.['address'],
      ),
    ),
    col('OS-Image', 1, (o) => str(obj(obj(o.status)['nodeInfo'])['osImage'], '<unknown>')),
    col('Kernel-Version', 1, (o) => str(obj(obj(o.status)['nodeInfo'])['kernelVersion'], '<unknown>')),
    col('Container-Runtime', 1, (o) => str(obj(obj(o.status)['nodeInfo'])['containerRuntimeVersion'], '<unknown>')),
  ],
  Deployment: [
    name,
    col('Ready', 0, (o) => `${num(obj(o.status)['readyReplicas'])}/${num(obj(o.spec)['replicas'] ?? 1)}`),
    col('Up-to-date', 0, (o) => num(obj(o.status)['updatedReplicas']), 'integer'),
    col('Available', 0, (o) => num(obj(o.status)['availableReplicas']), 'integer'),
    age,
    col('Containers', 1, containerNames),
    col('Images', 1, images),
    col('Selector', 1, selector),
  ],
  ReplicaSet: [
    name,
    col('Desired', 0, (o) => num(obj(o.spec)['replicas'] ?? 1), 'integer'),
    col('Current', 0, (o) => num(obj(o.status)['replicas']), 'integer'),
    col('Ready', 0, (o) => num(obj(o.status)['readyReplicas']), 'integer'),
    age,
    col('Containers', 1, containerNames),
    col('Images', 1, images),
    col('Selector', 1, selector),
  ],
  StatefulSet: [
    name,
    col('Ready', 0, (o) => `${num(obj(o.status)['readyReplicas'])}/${num(obj(o.spec)['replicas'] ?? 1)}`),
    age,
    col('Containers', 1, containerNames),
    col('Images', 1, images),
  ],
  DaemonSet: [
    name,
    col('Desired', 0, (o) => num(obj(o.status)['desiredNumberScheduled']), 'integer'),
    col('Current', 0, (o) => num(obj(o.status)['currentNumberScheduled']), 'integer'),
    col('Ready', 0, (o) => num(obj(o.status)['numberReady']), 'integer'),
    col('Up-to-date', 0, (o) => num(obj(o.status)['updatedNumberScheduled']), 'integer'),
    col('Available', 0, (o) => num(obj(o.status)['numberAvailable']), 'integer'),
    col(
      'Node Selector',
      0,
      (o) =>
        Object.entries(obj(podTemplate(o)['nodeSelector']))
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(',') || '<none>',
    ),
    age,
    col('Containers', 1, containerNames),
    col('Images', 1, images),
    col('Selector', 1, selector),
  ],
  Job: [
    name,
    col('Status', 0, (o) =>
      condition(o, 'Complete')?.['status'] === 'True' ? 'Complete' : condition(o, 'Failed')?.['status'] === 'True' ? 'Failed' : 'Running',
    ),
    col('Completions', 0, (o) => `${num(obj(o.status)['succeeded'])}/${num(obj(o.spec)['completions'] ?? 1)}`),
    col('Duration', 0, (o, now) => {
      const start = Date.parse(str(obj(o.status)['startTime'], ''));
      const end = Date.parse(str(obj(o.status)['completionTime'], '')) || now;
      return Number.isNaN(start) ? '' : humanDuration(end - start);
    }),
    age,
    col('Containers', 1, containerNames),
    col('Images', 1, images),
    col('Selector', 1, selector),
  ],
  CronJob: [
    name,
    col('Schedule', 0, (o) => str(obj(o.spec)['schedule'])),
    col('Timezone', 0, (o) => str(obj(o.spec)['timeZone'])),
    col('Suspend', 0, (o) => (obj(o.spec)['suspend'] === true ? 'True' : 'False')),
    col('Active', 0, (o) => arr(obj(o.status)['active']).length, 'integer'),
    col('Last Schedule', 0, (o, now) => {
      const last = Date.parse(str(obj(o.status)['lastScheduleTime'], ''));
      return Number.isNaN(last) ? '<none>' : humanDuration(now - last);
    }),
    age,
  ],
  Service: [
    name,
    col('Type', 0, (o) => str(obj(o.spec)['type'], 'ClusterIP')),
    col('Cluster-IP', 0, (o) => str(obj(o.spec)['clusterIP'])),
    col('External-IP', 0, externalIp),
    col('Port(s)', 0, servicePorts),
    age,
    col(
      'Selector',
      1,
      (o) =>
        Object.entries(obj(obj(o.spec)['selector']))
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(',') || '<none>',
    ),
  ],
  Namespace: [name, col('Status', 0, (o) => str(obj(o.status)['phase'], 'Active')), age],
  ConfigMap: [name, col('Data', 0, (o) => Object.keys(obj(o['data'])).length + Object.keys(obj(o['binaryData'])).length, 'integer'), age],
  Secret: [name, col('Type', 0, (o) => str(o['type'], 'Opaque')), col('Data', 0, (o) => Object.keys(obj(o['data'])).length, 'integer'), age],
  ServiceAccount: [name, col('Secrets', 0, (o) => arr(o['secrets']).length, 'integer'), age],
  PersistentVolumeClaim: [
    name,
    col('Status', 0, (o) => str(obj(o.status)['phase'], 'Pending')),
    col('Volume', 0, (o) => str(obj(o.spec)['volumeName'], '')),
    col('Capacity', 0, (o) => str(obj(obj(o.status)['capacity'])['storage'], '')),
    col('Access Modes', 0, (o) =>
      arr(obj(o.status)['accessModes'] ?? obj(o.spec)['accessModes'])
        .map((m) => ACCESS_MODES[String(m)] ?? String(m))
        .join(','),
    ),
    col('StorageClass', 0, (o) => str(obj(o.spec)['storageClassName'], '<unset>')),
    col('VolumeAttributesClass', 0, (o) => str(obj(o.spec)['volumeAttributesClassName'], '<unset>')),
    age,
    col('VolumeMode', 1, (o) => str(obj(o.spec)['volumeMode'], 'Filesystem')),
  ],
  PersistentVolume: [
    name,
    col('Capacity', 0, (o) => str(obj(obj(o.spec)['capacity'])['storage'], '')),
    col('Access Modes', 0, (o) =>
      arr(obj(o.spec)['accessModes'])
        .map((m) => ACCESS_MODES[String(m)] ?? String(m))
        .join(','),
    ),
    col('Reclaim Policy', 0, (o) => str(obj(o.spec)['persistentVolumeReclaimPolicy'], 'Retain')),
    col('Status', 0, (o) => str(obj(o.status)['phase'], 'Available')),
    col('Claim', 0, (o) => {
      const ref = obj(obj(o.spec)['claimRef']);
      return ref['name'] ? `${str(ref['namespace'], '')}/${str(ref['name'])}` : '';
    }),
    col('StorageClass', 0, (o) => str(obj(o.spec)['storageClassName'], '')),
    col('VolumeAttributesClass', 0, (o) => str(obj(o.spec)['volumeAttributesClassName'], '<unset>')),
    col('Reason', 0, (o) => str(obj(o.status)['reason'], '')),
    age,
    col('VolumeMode', 1, (o) => str(obj(o.spec)['volumeMode'], 'Filesystem')),
  ],
  Ingress: [
    name,
    col('Class', 0, (o) => str(obj(o.spec)['ingressClassName'])),
    col(
      'Hosts',
      0,
      (o) =>
        arr(obj(o.spec)['rules'])
          .map((r) => str(obj(r)['host'], '*'))
          .join(',') || '*',
    ),
    col('Address', 0, (o) =>
      arr(obj(obj(o.status)['loadBalancer'])['ingress'])
        .map((i) => str(obj(i)['ip'], str(obj(i)['hostname'], '')))
        .filter(Boolean)
        .join(','),
    ),
    col('Ports', 0, (o) => (arr(obj(o.spec)['tls']).length > 0 ? '80, 443' : '80')),
    age,
  ],
  Event: [
    col('Last Seen', 0, (o, now) => {
      const t = Date.parse(str(o['lastTimestamp'], str(o['eventTime'], str(o.metadata.creationTimestamp, ''))));
      return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
    }),
    col('Type', 0, (o) => str(o['type'], '')),
    col('Reason', 0, (o) => str(o['reason'], '')),
    col('Object', 0, (o) => {
      const ref = obj(o['involvedObject']);
      return `${str(ref['kind'], '').toLowerCase()}/${str(ref['name'], '')}`;
    }),
    col('Message', 0, (o) => str(o['message'], '')),
  ],
};

const ACCESS_MODES: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

/** A value at a simple JSONPath of a CRD printer column (`.spec.replicas`, `.status.conditions[0].type`). */
function jsonPath(o: unknown, path: string): unknown {
  let v: unknown = o;
  for (const part of path.replace(/^\./, '').split('.')) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    v = obj(v)[m[1]!];
    for (const i of m[2]!.matchAll(/\[(\d+)\]/g)) v = arr(v)[Number(i[1])];
  }
  return v;
}

/** The columns of a type: built in, a CRD's additionalPrinterColumns (the served version's), or Name and Age. */
export function columnsOf(type: ResourceType, printerColumns?: Array<Record<string, unknown>>): Column[] {
  if (!type.crd) return COLUMNS[type.kind] ?? [name, age];
  if (!printerColumns || printerColumns.length === 0) return [name, age];
  return [
    name,
    ...printerColumns.map((c) => {
      const path = str(c['jsonPath'], '');
      const kind = (['integer', 'number', 'boolean', 'date'].includes(String(c['type'])) ? c['type'] : 'string') as Column['type'];
      return {
        name: str(c['name'], path),
        type: kind,
        description: str(c['description'], ''),
        priority: num(c['priority']),
        cell: (o: KubeObject, now: number) => {
          const v = jsonPath(o, path);
          if (kind === 'date') return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? humanDuration(now - Date.parse(v)) : '<unknown>';
          return v === undefined || v === null ? '' : v;
        },
      } satisfies Column;
    }),
    ...(printerColumns.some((c) => c['jsonPath'] === '.metadata.creationTimestamp') ? [] : [age]),
  ];
}

/** Whether a request's Accept asks for a Table (kubectl's get does, with JSON as the fallback). */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => /as=Table/.test(part) && /g=meta\.k8s\.io/.test(part));
}

/** A meta.k8s.io/v1 Table of objects; each row carries the object's metadata (includeObject=Metadata, the default) or the object itself. */
export function tableOf(
  columns: Column[],
  objects: KubeObject[],
  options: { now?: number; includeObject?: string; resourceVersion?: string } = {},
): Record<string, unknown> {
  const now = options.now ?? Date.now();
  const include = options.includeObject ?? 'Metadata';
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: options.resourceVersion ?? '' },
    columnDefinitions: columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description, priority: c.priority })),
    rows: objects.map((o) => ({
      cells: columns.map((c) => {
        const v = c.cell(o, now);
        return v === undefined ? '' : v;
      }),
      ...(include === 'None'
        ? {}
        : {
            object: include === 'Object' ? o : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
          }),
    })),
  };
}
