/** A Kubernetes object as the plugin handles it: plain JSON. */
import { evaluate, ParseError } from '@marcbachmann/cel-js';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [k: string]: unknown;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [k: string]: unknown;
}

export interface Health {
  healthy: boolean;
  /** What is missing, or why it is healthy. */
  reason: string;
  /** Will not get better by waiting (a failed Job, a failed Pod, a lost volume). */
  fatal?: boolean;
}

type Conditions = Array<{ type?: string; status?: string; reason?: string; message?: string }>;
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const conditionOf = (o: K8sObject, type: string) => ((o.status?.['conditions'] ?? []) as Conditions).find((c) => c.type === type);

const ok = (reason: string): Health => ({ healthy: true, reason });
const waiting = (reason: string): Health => ({ healthy: false, reason });
const fatal = (reason: string): Health => ({ healthy: false, reason, fatal: true });

function observed(o: K8sObject): Health | undefined {
  const gen = o.metadata.generation;
  const seen = o.status?.['observedGeneration'];
  if (gen !== undefined && (typeof seen !== 'number' || seen < gen)) return waiting(`the controller has not yet seen generation ${gen}`);
  return undefined;
}

/**
 * Whether an object has reached the state its kind promises (the checks `kubectl rollout status`
 * and `kubectl wait` make): workloads rolled out, pods ready, jobs complete, volumes bound,
 * load balancers addressed, CRDs established, custom resources Ready/Available.
 */
export function healthOf(o: K8sObject): Health {
  const spec = o.spec ?? {};
  const status = o.status ?? {};
  switch (o.kind) {
    case 'Deployment': {
      const stale = observed(o);
      if (stale) return stale;
      const progressing = conditionOf(o, 'Progressing');
      if (progressing?.reason === 'ProgressDeadlineExceeded') return fatal(`rollout stuck: ${progressing.message ?? 'progress deadline exceeded'}`);
      const want = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
      const updated = num(status['updatedReplicas']);
      if (updated < want) return waiting(`${updated} of ${want} replicas updated`);
      if (num(status['replicas']) > updated) return waiting(`${num(status['replicas']) - updated} old replicas pending termination`);
      if (num(status['availableReplicas']) < updated) return waiting(`${num(status['availableReplicas'])} of ${updated} updated replicas available`);
      return ok(`${want} replicas rolled out and available`);
    }
    case 'StatefulSet': {
      const stale = observed(o);
      if (stale) return stale;
      const want = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
      if (num(status['readyReplicas']) < want) return waiting(`${num(status['readyReplicas'])} of ${want} replicas ready`);
      const strategy = (spec['updateStrategy'] as { type?: string } | undefined)?.type ?? 'RollingUpdate';
      if (strategy === 'RollingUpdate') {
        if (num(status['updatedReplicas']) < want) return waiting(`${num(status['updatedReplicas'])} of ${want} replicas updated`);
        if (status['updateRevision'] && status['currentRevision'] !== status['updateRevision']) return waiting('rolling update in progress');
      }
      return ok(`${want} replicas ready`);
    }
    case 'DaemonSet': {
      const stale = observed(o);
      if (stale) return stale;
      const want = num(status['desiredNumberScheduled']);
      if (num(status['updatedNumberScheduled']) < want) return waiting(`${num(status['updatedNumberScheduled'])} of ${want} pods updated`);
      if (num(status['numberAvailable']) < want) return waiting(`${num(status['numberAvailable'])} of ${want} pods available`);
      return ok(`${want} pods available`);
    }
    case 'ReplicaSet':
    case 'ReplicationController': {
      const stale = observed(o);
      if (stale) return stale;
      const want = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
      if (num(status['readyReplicas']) < want) return waiting(`${num(status['readyReplicas'])} of ${want} replicas ready`);
      return ok(`${want} replicas ready`);
    }
    case 'Pod': {
      const phase = status['phase'];
      if (phase === 'Succeeded') return ok('pod completed');
      if (phase === 'Failed') return fatal(`pod failed${status['reason'] ? `: ${String(status['reason'])}` : ''}`);
      const scheduled = conditionOf(o, 'PodScheduled');
      if (scheduled?.status === 'False') return waiting(`not scheduled: ${scheduled.message ?? scheduled.reason ?? ''}`);
      if (phase !== 'Running') return waiting(`pod is ${String(phase ?? 'Pending')}`);
      if (conditionOf(o, 'Ready')?.status !== 'True') return waiting('pod is running but not ready');
      return ok('pod running and ready');
    }
    case 'Job': {
      const failed = conditionOf(o, 'Failed');
      if (failed?.status === 'True') return fatal(`job failed: ${failed.reason ?? ''} ${failed.message ?? ''}`.trim());
      if (conditionOf(o, 'Complete')?.status === 'True') return ok(`job complete (${num(status['succeeded'])} succeeded)`);
      return waiting(`job running: ${num(status['active'])} active, ${num(status['succeeded'])} succeeded, ${num(status['failed'])} failed`);
    }
    case 'Service': {
      if (spec['type'] !== 'LoadBalancer') return ok(`service ${String(spec['clusterIP'] ?? '')}`.trim());
      const ingress = ((status['loadBalancer'] as { ingress?: unknown[] } | undefined)?.ingress ?? []) as Array<{ ip?: string; hostname?: string }>;
      if (ingress.length === 0) return waiting('load balancer has no address yet');
      return ok(`load balancer at ${ingress[0]!.hostname ?? ingress[0]!.ip ?? ''}`);
    }
    case 'PersistentVolumeClaim': {
      if (status['phase'] === 'Bound') return ok(`bound to ${String(spec['volumeName'] ?? '')}`);
      if (status['phase'] === 'Lost') return fatal('the claim lost its volume');
      return waiting(`claim is ${String(status['phase'] ?? 'Pending')}`);
    }
    case 'PersistentVolume': {
      if (status['phase'] === 'Available' || status['phase'] === 'Bound') return ok(`volume ${String(status['phase'])}`);
      if (status['phase'] === 'Failed') return fatal('volume failed');
      return waiting(`volume is ${String(status['phase'] ?? 'Pending')}`);
    }
    case 'Namespace':
      return status['phase'] === 'Active' || status['phase'] === undefined ? ok('namespace active') : waiting(`namespace is ${String(status['phase'])}`);
    case 'CustomResourceDefinition':
      return conditionOf(o, 'Established')?.status === 'True' ? ok('CRD established') : waiting('CRD not yet established');
    default: {
      // Custom resources and anything else: the Ready / Available conditions when it has them.
      for (const type of ['Ready', 'Available']) {
        const c = conditionOf(o, type);
        if (c?.status === 'True') return ok(`${type}`);
        if (c) return waiting(`${type} is ${c.status ?? 'Unknown'}${c.message ? `: ${c.message}` : ''}`);
      }
      const phase = status['phase'];
      if (typeof phase === 'string' && /^(failed|error)$/i.test(phase)) return fatal(`phase ${phase}`);
      return ok('exists');
    }
  }
}

/** A node's own health rule for a kind (Flux's healthCheckExprs): CEL over the live object as `self`. */
export interface HealthExpression {
  kind: string;
  apiVersion?: string;
  current: string;
  failed?: string;
}

/** Parses `health_check_exprs`; a malformed entry is an error naming it. */
export function healthExpressions(value: unknown): HealthExpression[] {
  if (value === undefined || value === null || value === '') return [];
  if (!Array.isArray(value)) throw new Error('health_check_exprs must be a list of {kind, apiVersion, current, failed}');
  return value.map((e, i) => {
    const x = (e ?? {}) as Record<string, unknown>;
    if (typeof x['kind'] !== 'string' || typeof x['current'] !== 'string' || !x['current'])
      throw new Error(`health_check_exprs[${i}] needs kind and current (a CEL expression over self)`);
    if (x['failed'] !== undefined && typeof x['failed'] !== 'string') throw new Error(`health_check_exprs[${i}].failed must be a CEL expression`);
    return {
      kind: x['kind'],
      current: x['current'],
      ...(typeof x['apiVersion'] === 'string' ? { apiVersion: x['apiVersion'] } : {}),
      ...(typeof x['failed'] === 'string' && x['failed'] ? { failed: x['failed'] } : {}),
    };
  });
}

/**
 * The health an object's node declares for its kind, or undefined when it declares none. `failed`
 * true is fatal; `current` true is healthy; anything else (false, or a field not there yet) is
 * waiting. An expression that is not CEL, or not a boolean, is fatal: waiting would never end.
 */
export function healthByExpressions(o: K8sObject, expressions: HealthExpression[]): Health | undefined {
  const rule = expressions.find((e) => e.kind === o.kind && (!e.apiVersion || e.apiVersion === o.apiVersion));
  if (!rule) return undefined;
  const test = (expr: string, name: string): boolean | string => {
    try {
      const value = evaluate(expr, { self: o });
      if (typeof value !== 'boolean') return `health_check_exprs ${name} for ${o.kind} is not a boolean (${JSON.stringify(value)})`;
      return value;
    } catch (err) {
      if (err instanceof ParseError) return `health_check_exprs ${name} for ${o.kind} is not CEL: ${(err as Error).message.split('\n')[0]}`;
      // A field not there yet (no status) is not an answer: keep waiting.
      return false;
    }
  };
  if (rule.failed) {
    const failed = test(rule.failed, 'failed');
    if (typeof failed === 'string') return fatal(failed);
    if (failed) return fatal(`${rule.failed} holds`);
  }
  const current = test(rule.current, 'current');
  if (typeof current === 'string') return fatal(current);
  return current ? ok(`${rule.current} holds`) : waiting(`until ${rule.current}`);
}
