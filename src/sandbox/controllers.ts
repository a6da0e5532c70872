import { createHash } from 'node:crypto';
import type { SandboxApi, WatchEvent } from './api.js';
import { ApiError } from './errors.js';
import { clone, isPlainObject, type KubeObject } from './objects.js';
import { matchesSelectorObject, type LabelSelectorObject } from './selectors.js';

/** How fast the simulated control plane moves (milliseconds). */
export interface SimulationTiming {
  /** From scheduling to Running+Ready. */
  podReadyMs: number;
  /** From creation to a LoadBalancer Service getting its ingress address. */
  loadBalancerMs: number;
  /** How long a Job's pod runs before it succeeds (or fails). */
  jobPodMs: number;
  /** How long pods stay on a NotReady node before they are evicted. */
  evictionMs: number;
}

export const DEFAULT_TIMING: SimulationTiming = { podReadyMs: 300, loadBalancerMs: 400, jobPodMs: 500, evictionMs: 1_000 };

/** Annotations a pod template can carry to steer the simulation. */
export const SIMULATION_ANNOTATIONS = {
  /** "false": the pod runs but never becomes Ready (a crash-looping container). */
  ready: 'sandbox.isthmus.dev/ready',
  /** A non-zero value makes a Job's pod fail with that exit code. */
  exitCode: 'sandbox.isthmus.dev/exit-code',
} as const;

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const hashOf = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 10);

type Obj = KubeObject;
const spec = (o: Obj) => (o.spec ?? {}) as Record<string, unknown>;
const status = (o: Obj) => (o.status ?? {}) as Record<string, unknown>;
const condition = (o: Obj, type: string) => ((status(o)['conditions'] ?? []) as Array<Record<string, unknown>>).find((c) => c['type'] === type);

export function isPodReady(pod: Obj): boolean {
  return status(pod)['phase'] === 'Running' && condition(pod, 'Ready')?.['status'] === 'True';
}

export function isNodeReady(node: Obj): boolean {
  return condition(node, 'Ready')?.['status'] === 'True';
}

const owns = (owner: Obj) => (o: Obj) => o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.controller) ?? false;
const alive = (o: Obj) => !o.metadata.deletionTimestamp;
const ownerRef = (o: Obj) => ({
  apiVersion: o.apiVersion,
  kind: o.kind,
  name: o.metadata.name!,
  uid: o.metadata.uid!,
  controller: true,
  blockOwnerDeletion: true,
});

/**
 * The simulated control plane: the controllers, scheduler and kubelets of a small cluster,
 * reduced to the state transitions clients observe. Runs a reconcile pass after every change
 * and on a short tick (for the timed transitions).
 */
export class ControlPlane {
  private readonly since = new Map<string, number>();
  private pending: NodeJS.Timeout | undefined;
  private readonly ticker: NodeJS.Timeout;
  private running = false;
  private again = false;
  private readonly unsubscribe: () => void;
  private nextPodIp = 2;

  constructor(
    private readonly api: SandboxApi,
    private readonly timing: SimulationTiming = DEFAULT_TIMING,
  ) {
    this.unsubscribe = api.onChange((e) => this.changed(e));
    this.ticker = setInterval(() => this.reconcile(), 50);
    this.ticker.unref();
  }

  stop(): void {
    clearInterval(this.ticker);
    if (this.pending) clearTimeout(this.pending);
    this.unsubscribe();
  }

  private changed(_e: WatchEvent): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.reconcile();
    }, 2);
    this.pending.unref();
  }

  /** Runs every controller once; repeats while a pass changed something. */
  reconcile(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      for (let i = 0; i < 10; i++) {
        this.again = false;
        const before = this.api.resourceVersion;
        this.pass();
        if (this.api.resourceVersion === before && !this.again) break;
      }
    } finally {
      this.running = false;
    }
  }

  private pass(): void {
    const steps: Array<() => void> = [
      () => this.namespaces(),
      () => this.crds(),
      () => this.garbageCollector(),
      () => this.deployments(),
      () => this.replicaSets(),
      () => this.statefulSets(),
      () => this.daemonSets(),
      () => this.jobs(),
      () => this.volumes(),
      () => this.scheduler(),
      () => this.kubelets(),
      () => this.services(),
      () => this.workloadStatus(),
    ];
    for (const step of steps) {
      try {
        step();
      } catch (err) {
        // A conflict with a client's concurrent write: the next pass retries.
        if (!(err instanceof ApiError)) throw err;
      }
    }
  }

  private elapsed(key: string, ms: number): boolean {
    const t = this.since.get(key);
    if (t === undefined) {
      this.since.set(key, Date.now());
      return ms <= 0;
    }
    return Date.now() - t >= ms;
  }

  private put(o: Obj): void {
    this.api.write(o);
  }

  // ---- namespaces, CRDs, garbage collection ----

  private namespaces(): void {
    for (const ns of this.api.peek('', 'Namespace')) {
      const name = ns.metadata.name!;
      if (ns.metadata.deletionTimestamp) {
        let left = 0;
        for (const type of this.api.catalog.all()) {
          if (!type.namespaced) continue;
          for (const o of this.api.peek(type.group, type.kind)) {
            if (o.metadata.namespace !== name) continue;
            left++;
            if (!o.metadata.deletionTimestamp) {
              const copy = clone(o);
              copy.metadata.deletionTimestamp = now();
              // Users' finalizers (domain-qualified) hold the object; the system's do not.
              copy.metadata.finalizers = (copy.metadata.finalizers ?? []).filter((f) => f.includes('/'));
              this.put(copy);
            }
          }
        }
        if (left === 0) this.api.removeInternal(ns);
      } else if (!this.api.peek('', 'ServiceAccount').some((sa) => sa.metadata.namespace === name && sa.metadata.name === 'default')) {
        this.api.createInternal({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } });
      }
    }
  }

  private crds(): void {
    for (const crd of this.api.peek('apiextensions.k8s.io', 'CustomResourceDefinition')) {
      if (condition(crd, 'Established')?.['status'] === 'True') continue;
      const copy = clone(crd);
      const names = (spec(copy)['names'] ?? {}) as Record<string, unknown>;
      copy.status = {
        acceptedNames: names,
        storedVersions: ((spec(copy)['versions'] ?? []) as Array<Record<string, unknown>>).filter((v) => v['storage']).map((v) => v['name']),
        conditions: [
          { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: now() },
          { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: now() },
        ],
      };
      this.put(copy);
    }
  }

  private allObjects(): Obj[] {
    const out: Obj[] = [];
    for (const type of this.api.catalog.all()) out.push(...this.api.peek(type.group, type.kind));
    return out;
  }

  private garbageCollector(): void {
    const all = this.allObjects();
    const uids = new Set(all.map((o) => o.metadata.uid));
    for (const o of all) {
      const refs = o.metadata.ownerReferences ?? [];
      if (refs.length > 0 && refs.every((r) => !uids.has(r.uid))) {
        this.api.removeInternal(o);
        continue;
      }
      if (!o.metadata.deletionTimestamp) continue;
      const finalizers = o.metadata.finalizers ?? [];
      const dependents = all.filter((d) => d.metadata.ownerReferences?.some((r) => r.uid === o.metadata.uid));
      if (finalizers.includes('foregroundDeletion')) {
        for (const d of dependents) {
          if (!d.metadata.deletionTimestamp)
            this.api.delete(this.api.typeOf(d.apiVersion, d.kind), d.metadata.namespace, d.metadata.name!, { propagationPolicy: 'Foreground' });
        }
        if (dependents.length === 0)
          this.put({ ...clone(o), metadata: { ...clone(o.metadata), finalizers: finalizers.filter((f) => f !== 'foregroundDeletion') } });
      } else if (finalizers.includes('orphan')) {
        for (const d of dependents)
          this.put({
            ...clone(d),
            metadata: { ...clone(d.metadata), ownerReferences: (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== o.metadata.uid) },
          });
        this.put({ ...clone(o), metadata: { ...clone(o.metadata), finalizers: finalizers.filter((f) => f !== 'orphan') } });
      }
    }
  }

  // ---- workloads ----

  private deployments(): void {
    for (const d of this.api.peek('apps', 'Deployment')) {
      if (!alive(d)) continue;
      const template = spec(d)['template'] as Record<string, unknown>;
      const hash = hashOf(template);
      const replicas = Number(spec(d)['replicas'] ?? 1);
      const owned = this.api.peek('apps', 'ReplicaSet').filter(owns(d));
      let current = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
      if (!current) {
        const labels = {
          ...((template['metadata'] as Record<string, unknown> | undefined)?.['labels'] as Record<string, string> | undefined),
          'pod-template-hash': hash,
        };
        const revision = Math.max(0, ...owned.map((rs) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0))) + 1;
        const selector = clone(spec(d)['selector'] as LabelSelectorObject);
        selector.matchLabels = { ...(selector.matchLabels ?? {}), 'pod-template-hash': hash };
        current = this.api.createInternal({
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: {
            name: `${d.metadata.name}-${hash}`,
            namespace: d.metadata.namespace!,
            labels,
            annotations: { 'deployment.kubernetes.io/revision': String(revision) },
            ownerReferences: [ownerRef(d)],
          },
          spec: {
            replicas,
            selector,
            template: { ...clone(template), metadata: { ...clone((template['metadata'] ?? {}) as Record<string, unknown>), labels } },
          },
        });
      } else if (Number(spec(current)['replicas']) !== replicas) {
        this.put({ ...clone(current), spec: { ...spec(current), replicas } });
      }
      // Rolling update: old pods go as new ones become ready, so availability holds.
      const newReady = this.api.peek('', 'Pod').filter(owns(current)).filter(isPodReady).length;
      for (const rs of owned) {
        if (rs.metadata.uid === current.metadata.uid) continue;
        const want = Math.max(0, Math.min(Number(spec(rs)['replicas'] ?? 0), replicas - newReady));
        if (Number(spec(rs)['replicas']) !== want) this.put({ ...clone(rs), spec: { ...spec(rs), replicas: want } });
      }
      const history = Number(spec(d)['revisionHistoryLimit'] ?? 10);
      const old = owned.filter(
        (rs) => rs.metadata.uid !== current!.metadata.uid && Number(spec(rs)['replicas']) === 0 && this.api.peek('', 'Pod').filter(owns(rs)).length === 0,
      );
      old.sort(
        (a, b) => Number(a.metadata.annotations?.['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations?.['deployment.kubernetes.io/revision']),
      );
      for (const rs of old.slice(0, Math.max(0, old.length - history))) this.api.removeInternal(rs);
    }
  }

  private newPod(
    owner: Obj,
    template: Record<string, unknown>,
    name: { name?: string; generateName?: string },
    extraLabels: Record<string, string> = {},
    nodeName?: string,
  ): void {
    const meta = clone((template['metadata'] ?? {}) as Record<string, unknown>);
    const podSpec = clone((template['spec'] ?? {}) as Record<string, unknown>);
    if (nodeName) podSpec['nodeName'] = nodeName;
    this.api.createInternal({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...meta,
        ...name,
        namespace: owner.metadata.namespace!,
        labels: { ...((meta['labels'] ?? {}) as Record<string, string>), ...extraLabels },
        ownerReferences: [ownerRef(owner)],
      },
      spec: podSpec,
    });
  }

  private replicaSets(): void {
    const pods = this.api.peek('', 'Pod');
    for (const rs of this.api.peek('apps', 'ReplicaSet')) {
      if (!alive(rs)) continue;
      const mine = pods
        .filter(owns(rs))
        .filter(alive)
        .filter((p) => status(p)['phase'] !== 'Failed' && status(p)['phase'] !== 'Succeeded');
      const want = Number(spec(rs)['replicas'] ?? 1);
      for (let i = mine.length; i < want; i++) this.newPod(rs, spec(rs)['template'] as Record<string, unknown>, { generateName: `${rs.metadata.name}-` });
      if (mine.length > want) {
        const order = [...mine].sort(
          (a, b) => Number(isPodReady(a)) - Number(isPodReady(b)) || Number(Boolean(spec(a)['nodeName'])) - Number(Boolean(spec(b)['nodeName'])),
        );
        for (const p of order.slice(0, mine.length - want)) this.api.removeInternal(p);
      }
    }
  }

  private statefulSets(): void {
    const pods = this.api.peek('', 'Pod');
    for (const sts of this.api.peek('apps', 'StatefulSet')) {
      if (!alive(sts)) continue;
      const s = spec(sts);
      const want = Number(s['replicas'] ?? 1);
      const template = s['template'] as Record<string, unknown>;
      const revision = `${sts.metadata.name}-${hashOf(template)}`;
      const mine = pods.filter(owns(sts));
      const parallel = s['podManagementPolicy'] === 'Parallel';
      for (let i = 0; i < want; i++) {
        const name = `${sts.metadata.name}-${i}`;
        const pod = mine.find((p) => p.metadata.name === name);
        if (pod) {
          if (!parallel && !isPodReady(pod)) break;
          continue;
        }
        const claims = (s['volumeClaimTemplates'] ?? []) as Array<Record<string, unknown>>;
        for (const claim of claims) {
          const claimMeta = (claim['metadata'] ?? {}) as Record<string, unknown>;
          const claimName = `${String(claimMeta['name'])}-${name}`;
          if (!this.api.peek('', 'PersistentVolumeClaim').some((c) => c.metadata.namespace === sts.metadata.namespace && c.metadata.name === claimName)) {
            this.api.createInternal({
              apiVersion: 'v1',
              kind: 'PersistentVolumeClaim',
              metadata: { name: claimName, namespace: sts.metadata.namespace!, labels: (claimMeta['labels'] ?? {}) as Record<string, string> },
              spec: clone((claim['spec'] ?? {}) as Record<string, unknown>),
            });
          }
        }
        const withClaims = clone(template);
        const podSpec = (withClaims['spec'] ?? {}) as Record<string, unknown>;
        const volumes = (podSpec['volumes'] ?? []) as Array<Record<string, unknown>>;
        for (const claim of claims) {
          const claimName = String(((claim['metadata'] ?? {}) as Record<string, unknown>)['name']);
          if (!volumes.some((v) => v['name'] === claimName)) volumes.push({ name: claimName, persistentVolumeClaim: { claimName: `${claimName}-${name}` } });
        }
        podSpec['volumes'] = volumes;
        podSpec['hostname'] = name;
        withClaims['spec'] = podSpec;
        this.newPod(sts, withClaims, { name }, { 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': name });
        if (!parallel) break;
      }
      for (const p of mine) {
        const ordinal = Number(p.metadata.name!.slice(sts.metadata.name!.length + 1));
        if (ordinal >= want) this.api.removeInternal(p);
      }
      // Rolling update from the highest ordinal, one pod at a time, once all are ready.
      const live = pods.filter(owns(sts)).filter((p) => Number(p.metadata.name!.slice(sts.metadata.name!.length + 1)) < want);
      if (live.length === want && live.every(isPodReady)) {
        const stale = live
          .filter((p) => p.metadata.labels?.['controller-revision-hash'] !== revision)
          .sort((a, b) => b.metadata.name!.localeCompare(a.metadata.name!, undefined, { numeric: true }));
        if (stale[0]) this.api.removeInternal(stale[0]);
      }
    }
  }

  private eligibleNodes(podSpec: Record<string, unknown>): Obj[] {
    return this.api.peek('', 'Node').filter((n) => alive(n) && isNodeReady(n) && !spec(n)['unschedulable'] && nodeMatches(n, podSpec));
  }

  private daemonSets(): void {
    const pods = this.api.peek('', 'Pod');
    for (const ds of this.api.peek('apps', 'DaemonSet')) {
      if (!alive(ds)) continue;
      const template = spec(ds)['template'] as Record<string, unknown>;
      const hash = hashOf(template);
      const nodes = this.eligibleNodes((template['spec'] ?? {}) as Record<string, unknown>).map((n) => n.metadata.name!);
      const mine = pods.filter(owns(ds)).filter(alive);
      for (const p of mine) {
        if (!nodes.includes(String(spec(p)['nodeName'])) || p.metadata.labels?.['controller-revision-hash'] !== hash) this.api.removeInternal(p);
      }
      for (const node of nodes) {
        if (!mine.some((p) => spec(p)['nodeName'] === node && p.metadata.labels?.['controller-revision-hash'] === hash)) {
          this.newPod(ds, template, { generateName: `${ds.metadata.name}-` }, { 'controller-revision-hash': hash }, node);
        }
      }
    }
  }

  private jobs(): void {
    const pods = this.api.peek('', 'Pod');
    for (const job of this.api.peek('batch', 'Job')) {
      if (!alive(job)) continue;
      const s = spec(job);
      const mine = pods.filter(owns(job));
      const succeeded = mine.filter((p) => status(p)['phase'] === 'Succeeded').length;
      const failed = mine.filter((p) => status(p)['phase'] === 'Failed').length;
      const active = mine.filter((p) => alive(p) && status(p)['phase'] !== 'Succeeded' && status(p)['phase'] !== 'Failed');
      const completions = Number(s['completions'] ?? 1);
      const finished = condition(job, 'Complete')?.['status'] === 'True' || condition(job, 'Failed')?.['status'] === 'True';
      const st: Record<string, unknown> = {
        ...status(job),
        startTime: status(job)['startTime'] ?? now(),
        active: active.length,
        succeeded,
        failed,
        ready: active.filter(isPodReady).length,
      };
      if (!finished) {
        if (failed > Number(s['backoffLimit'] ?? 6)) {
          for (const p of active) this.api.removeInternal(p);
          st['active'] = 0;
          st['conditions'] = [
            {
              type: 'Failed',
              status: 'True',
              reason: 'BackoffLimitExceeded',
              message: 'Job has reached the specified backoff limit',
              lastTransitionTime: now(),
            },
          ];
        } else if (succeeded >= completions) {
          st['conditions'] = [{ type: 'Complete', status: 'True', lastTransitionTime: now() }];
          st['completionTime'] = now();
        } else if (!s['suspend']) {
          const room = Math.min(Number(s['parallelism'] ?? 1), completions - succeeded) - active.length;
          for (let i = 0; i < room; i++)
            this.newPod(job, s['template'] as Record<string, unknown>, { generateName: `${job.metadata.name}-` }, { 'job-name': job.metadata.name! });
        }
      }
      st['observedGeneration'] = job.metadata.generation;
      if (JSON.stringify(st) !== JSON.stringify(job.status ?? {})) this.put({ ...clone(job), status: st });
    }
  }

  // ---- scheduling and kubelets ----

  private scheduler(): void {
    for (const pod of this.api.peek('', 'Pod')) {
      if (!alive(pod) || spec(pod)['nodeName'] || status(pod)['phase'] !== 'Pending') continue;
      const podSpec = spec(pod);
      const claims = ((podSpec['volumes'] ?? []) as Array<Record<string, unknown>>)
        .map((v) => (v['persistentVolumeClaim'] as Record<string, unknown> | undefined)?.['claimName'])
        .filter((c): c is string => typeof c === 'string');
      const unbound = claims.filter((c) => {
        const pvc = this.api.peek('', 'PersistentVolumeClaim').find((x) => x.metadata.namespace === pod.metadata.namespace && x.metadata.name === c);
        return !pvc || (status(pvc)['phase'] !== 'Bound' && !this.waitsForConsumer(pvc));
      });
      const all = this.api.peek('', 'Node');
      const nodes = unbound.length ? [] : this.eligibleNodes(podSpec);
      if (nodes.length === 0) {
        const message = unbound.length
          ? `0/${all.length} nodes are available: pod has unbound immediate PersistentVolumeClaims (${unbound.join(', ')}).`
          : `0/${all.length} nodes are available: ${all.length} node(s) didn't match Pod's node affinity/selector, were unschedulable or not ready.`;
        const current = condition(pod, 'PodScheduled');
        if (current?.['message'] !== message)
          this.put({
            ...clone(pod),
            status: { ...status(pod), conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: now() }] },
          });
        continue;
      }
      const load = (n: Obj) => this.api.peek('', 'Pod').filter((p) => spec(p)['nodeName'] === n.metadata.name && alive(p)).length;
      const chosen = [...nodes].sort((a, b) => load(a) - load(b) || a.metadata.name!.localeCompare(b.metadata.name!))[0]!;
      this.put({
        ...clone(pod),
        spec: { ...podSpec, nodeName: chosen.metadata.name },
        status: { ...status(pod), conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: now() }] },
      });
    }
  }

  private kubelets(): void {
    const nodes = new Map(this.api.peek('', 'Node').map((n) => [n.metadata.name!, n]));
    for (const pod of this.api.peek('', 'Pod')) {
      const nodeName = spec(pod)['nodeName'] as string | undefined;
      if (!nodeName) continue;
      const node = nodes.get(nodeName);
      const uid = pod.metadata.uid!;
      if (pod.metadata.deletionTimestamp) {
        // A kubelet stops the containers, then the pod object goes.
        if ((pod.metadata.finalizers ?? []).length === 0) this.api.removeInternal(pod);
        continue;
      }
      if (!node) {
        this.api.removeInternal(pod); // pod garbage collection of orphaned pods
        continue;
      }
      if (!isNodeReady(node)) {
        if (isPodReady(pod)) this.put({ ...clone(pod), status: { ...status(pod), conditions: podConditions(false) } });
        if (this.elapsed(`evict/${uid}`, this.timing.evictionMs)) this.api.removeInternal(pod);
        continue;
      }
      this.since.delete(`evict/${uid}`);
      const phase = status(pod)['phase'];
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      const annotations = pod.metadata.annotations ?? {};
      const isJob = pod.metadata.ownerReferences?.some((r) => r.kind === 'Job') ?? false;
      if (phase === 'Pending') {
        if (!this.elapsed(`start/${uid}`, this.timing.podReadyMs)) continue;
        const ready = annotations[SIMULATION_ANNOTATIONS.ready] !== 'false';
        const containers = ((spec(pod)['containers'] ?? []) as Array<Record<string, unknown>>).map((c) => ({
          name: c['name'],
          image: c['image'],
          imageID: `sandbox://${String(c['image'])}`,
          ready,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: now() } },
        }));
        const n = this.nextPodIp++;
        const hostIp = ((status(node)['addresses'] ?? []) as Array<Record<string, unknown>>).find((a) => a['type'] === 'InternalIP')?.['address'];
        this.put({
          ...clone(pod),
          status: {
            phase: 'Running',
            podIP: `10.244.${Math.floor(n / 250)}.${(n % 250) + 1}`,
            podIPs: [{ ip: `10.244.${Math.floor(n / 250)}.${(n % 250) + 1}` }],
            hostIP: hostIp,
            startTime: now(),
            conditions: podConditions(ready),
            containerStatuses: containers,
            qosClass: 'BestEffort',
          },
        });
        continue;
      }
      if (isJob && phase === 'Running' && this.elapsed(`run/${uid}`, this.timing.jobPodMs)) {
        const code = Number(annotations[SIMULATION_ANNOTATIONS.exitCode] ?? 0);
        const terminated = { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', startedAt: status(pod)['startTime'], finishedAt: now() };
        this.put({
          ...clone(pod),
          status: {
            ...status(pod),
            phase: code === 0 ? 'Succeeded' : 'Failed',
            conditions: podConditions(false),
            containerStatuses: ((status(pod)['containerStatuses'] ?? []) as Array<Record<string, unknown>>).map((c) => ({
              ...c,
              ready: false,
              started: false,
              state: { terminated },
            })),
          },
        });
      } else if (phase === 'Running' && !isPodReady(pod) && annotations[SIMULATION_ANNOTATIONS.ready] !== 'false') {
        this.put({ ...clone(pod), status: { ...status(pod), conditions: podConditions(true) } });
      }
    }
  }

  // ---- services and storage ----

  private services(): void {
    for (const svc of this.api.peek('', 'Service')) {
      if (spec(svc)['type'] !== 'LoadBalancer') continue;
      const lb = status(svc)['loadBalancer'] as Record<string, unknown> | undefined;
      if (Array.isArray(lb?.['ingress']) && (lb['ingress'] as unknown[]).length > 0) continue;
      if (!this.elapsed(`lb/${svc.metadata.uid!}`, this.timing.loadBalancerMs)) continue;
      const ip = String(spec(svc)['clusterIP'] ?? '')
        .split('.')
        .slice(-2)
        .join('.');
      this.put({ ...clone(svc), status: { ...status(svc), loadBalancer: { ingress: [{ ip: `198.51.${ip}`, ipMode: 'VIP' }] } } });
    }
  }

  private waitsForConsumer(pvc: Obj): boolean {
    const sc = this.api.peek('storage.k8s.io', 'StorageClass').find((c) => c.metadata.name === spec(pvc)['storageClassName']);
    return sc?.['volumeBindingMode'] === 'WaitForFirstConsumer';
  }

  private volumes(): void {
    const classes = this.api.peek('storage.k8s.io', 'StorageClass');
    const pvs = this.api.peek('', 'PersistentVolume');
    const pvcs = this.api.peek('', 'PersistentVolumeClaim');
    const pods = this.api.peek('', 'Pod');
    for (const pvc of pvcs) {
      if (status(pvc)['phase'] === 'Bound' || !alive(pvc)) continue;
      const s = spec(pvc);
      const request = String(
        ((s['resources'] as Record<string, unknown> | undefined)?.['requests'] as Record<string, unknown> | undefined)?.['storage'] ?? '1Gi',
      );
      let pv = s['volumeName']
        ? pvs.find((v) => v.metadata.name === s['volumeName'])
        : pvs.find((v) => status(v)['phase'] === 'Available' && (spec(v)['storageClassName'] ?? '') === (s['storageClassName'] ?? ''));
      if (!pv) {
        const sc = classes.find((c) => c.metadata.name === s['storageClassName']);
        if (!sc) continue;
        if (sc['volumeBindingMode'] === 'WaitForFirstConsumer') {
          const used = pods.some(
            (p) =>
              p.metadata.namespace === pvc.metadata.namespace &&
              ((spec(p)['volumes'] ?? []) as Array<Record<string, unknown>>).some(
                (v) => (v['persistentVolumeClaim'] as Record<string, unknown> | undefined)?.['claimName'] === pvc.metadata.name,
              ),
          );
          if (!used) continue;
        }
        pv = this.api.createInternal({
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: { name: `pvc-${pvc.metadata.uid!}`, annotations: { 'pv.kubernetes.io/provisioned-by': String(sc['provisioner'] ?? 'sandbox') } },
          spec: {
            capacity: { storage: request },
            accessModes: s['accessModes'],
            persistentVolumeReclaimPolicy: sc['reclaimPolicy'] ?? 'Delete',
            storageClassName: sc.metadata.name,
            volumeMode: s['volumeMode'] ?? 'Filesystem',
            hostPath: { path: `/var/sandbox/volumes/pvc-${pvc.metadata.uid!}` },
          },
        });
      }
      this.put({
        ...clone(pv),
        spec: {
          ...spec(pv),
          claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid },
        },
        status: { phase: 'Bound' },
      });
      this.put({
        ...clone(pvc),
        spec: { ...s, volumeName: pv.metadata.name },
        status: { phase: 'Bound', accessModes: s['accessModes'], capacity: spec(pv)['capacity'] ?? { storage: request } },
      });
    }
    for (const pv of this.api.peek('', 'PersistentVolume')) {
      const claimRef = spec(pv)['claimRef'] as Record<string, unknown> | undefined;
      if (!claimRef) {
        if (status(pv)['phase'] !== 'Available') this.put({ ...clone(pv), status: { phase: 'Available' } });
        continue;
      }
      const claimed =
        pvcs.some((c) => c.metadata.uid === claimRef['uid']) || this.api.peek('', 'PersistentVolumeClaim').some((c) => c.metadata.uid === claimRef['uid']);
      if (claimed) continue;
      if (spec(pv)['persistentVolumeReclaimPolicy'] === 'Delete') this.api.removeInternal(pv);
      else if (status(pv)['phase'] !== 'Released') this.put({ ...clone(pv), status: { phase: 'Released' } });
    }
  }

  // ---- status of workloads ----

  private workloadStatus(): void {
    const pods = this.api.peek('', 'Pod');
    const podsOf = (o: Obj) => pods.filter(owns(o)).filter(alive);
    for (const rs of this.api.peek('apps', 'ReplicaSet')) {
      const mine = podsOf(rs);
      const ready = mine.filter(isPodReady).length;
      const st = {
        replicas: mine.length,
        fullyLabeledReplicas: mine.length,
        readyReplicas: ready,
        availableReplicas: ready,
        observedGeneration: rs.metadata.generation,
      };
      this.setStatus(rs, st);
    }
    const rss = this.api.peek('apps', 'ReplicaSet');
    for (const d of this.api.peek('apps', 'Deployment')) {
      const hash = hashOf(spec(d)['template']);
      const owned = rss.filter(owns(d));
      const current = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
      const all = owned.flatMap(podsOf);
      const updated = current ? podsOf(current) : [];
      const available = all.filter(isPodReady).length;
      const want = Number(spec(d)['replicas'] ?? 1);
      const complete = updated.length === want && all.length === want && available === want;
      const st: Record<string, unknown> = {
        observedGeneration: d.metadata.generation,
        replicas: all.length,
        updatedReplicas: updated.length,
        readyReplicas: available,
        availableReplicas: available,
        ...(all.length - available > 0 ? { unavailableReplicas: all.length - available } : {}),
        conditions: [
          {
            type: 'Available',
            status: available >= want ? 'True' : 'False',
            reason: available >= want ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
            message: available >= want ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
          },
          {
            type: 'Progressing',
            status: 'True',
            reason: complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
            message: `ReplicaSet "${current?.metadata.name ?? ''}" ${complete ? 'has successfully progressed' : 'is progressing'}.`,
          },
        ],
      };
      this.setStatus(d, st);
    }
    for (const sts of this.api.peek('apps', 'StatefulSet')) {
      const mine = podsOf(sts);
      const revision = `${sts.metadata.name}-${hashOf(spec(sts)['template'])}`;
      const updated = mine.filter((p) => p.metadata.labels?.['controller-revision-hash'] === revision).length;
      const ready = mine.filter(isPodReady).length;
      this.setStatus(sts, {
        observedGeneration: sts.metadata.generation,
        replicas: mine.length,
        readyReplicas: ready,
        availableReplicas: ready,
        currentReplicas: updated,
        updatedReplicas: updated,
        currentRevision: updated === mine.length ? revision : String(status(sts)['currentRevision'] ?? revision),
        updateRevision: revision,
      });
    }
    for (const ds of this.api.peek('apps', 'DaemonSet')) {
      const mine = podsOf(ds);
      const hash = hashOf(spec(ds)['template']);
      const desired = this.eligibleNodes((((spec(ds)['template'] ?? {}) as Record<string, unknown>)['spec'] ?? {}) as Record<string, unknown>).length;
      const ready = mine.filter(isPodReady).length;
      this.setStatus(ds, {
        observedGeneration: ds.metadata.generation,
        desiredNumberScheduled: desired,
        currentNumberScheduled: mine.length,
        numberMisscheduled: 0,
        numberReady: ready,
        numberAvailable: ready,
        updatedNumberScheduled: mine.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash).length,
      });
    }
  }

  private setStatus(o: Obj, st: Record<string, unknown>): void {
    if (JSON.stringify(st) !== JSON.stringify(o.status ?? {})) this.put({ ...clone(o), status: st });
  }
}

function podConditions(ready: boolean): Array<Record<string, unknown>> {
  const t = now();
  const r = ready ? 'True' : 'False';
  return [
    { type: 'Initialized', status: 'True', lastTransitionTime: t },
    { type: 'Ready', status: r, lastTransitionTime: t },
    { type: 'ContainersReady', status: r, lastTransitionTime: t },
    { type: 'PodScheduled', status: 'True', lastTransitionTime: t },
  ];
}

/** Node selector, required node affinity and NoSchedule/NoExecute taints against tolerations. */
export function nodeMatches(node: Obj, podSpec: Record<string, unknown>): boolean {
  const labels = node.metadata.labels ?? {};
  const selector = (podSpec['nodeSelector'] ?? {}) as Record<string, string>;
  if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false;
  const required = (
    ((podSpec['affinity'] as Record<string, unknown> | undefined)?.['nodeAffinity'] as Record<string, unknown> | undefined)?.[
      'requiredDuringSchedulingIgnoredDuringExecution'
    ] as Record<string, unknown> | undefined
  )?.['nodeSelectorTerms'];
  if (Array.isArray(required) && required.length > 0) {
    const ok = required.some((term) => {
      const exprs = (isPlainObject(term) ? term['matchExpressions'] : undefined) as Array<{ key: string; operator: string; values?: string[] }> | undefined;
      return matchesSelectorObject(labels, { matchExpressions: (exprs ?? []).filter((e) => ['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e.operator)) });
    });
    if (!ok) return false;
  }
  const taints = (spec(node)['taints'] ?? []) as Array<Record<string, unknown>>;
  const tolerations = (podSpec['tolerations'] ?? []) as Array<Record<string, unknown>>;
  return taints
    .filter((t) => t['effect'] === 'NoSchedule' || t['effect'] === 'NoExecute')
    .every((t) =>
      tolerations.some(
        (tol) =>
          (tol['operator'] === 'Exists' && (!tol['key'] || tol['key'] === t['key'])) ||
          (tol['key'] === t['key'] && (tol['value'] ?? '') === (t['value'] ?? '') && (!tol['effect'] || tol['effect'] === t['effect'])),
      ),
    );
}
