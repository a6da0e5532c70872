import { describe, expect, it } from 'vitest';
import { OperationError } from '../../runtime/errors.js';
import { renderTemplate } from './definitions.js';
import { factsOf } from './facts.js';
import { healthByExpressions, healthExpressions, healthOf, type K8sObject } from './health.js';

const obj = (kind: string, spec: Record<string, unknown>, status: Record<string, unknown>, generation = 1): K8sObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name: 'x', namespace: 'ns', generation },
  spec,
  status,
});

describe('healthOf', () => {
  it('waits for a Deployment until the new generation is observed, updated and available, and fails a stuck rollout', () => {
    expect(healthOf(obj('Deployment', { replicas: 2 }, { observedGeneration: 1, updatedReplicas: 2, replicas: 2, availableReplicas: 2 }, 2))).toMatchObject({
      healthy: false,
      reason: expect.stringMatching(/generation 2/),
    });
    expect(healthOf(obj('Deployment', { replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, replicas: 3, availableReplicas: 2 }, 2))).toMatchObject({
      healthy: false,
      reason: '1 old replicas pending termination',
    });
    expect(healthOf(obj('Deployment', { replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 2 }, 2)).healthy).toBe(
      true,
    );
    expect(
      healthOf(
        obj(
          'Deployment',
          { replicas: 2 },
          { observedGeneration: 2, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'too slow' }] },
          2,
        ),
      ),
    ).toMatchObject({ healthy: false, fatal: true });
  });

  it('treats failed Jobs, failed Pods and lost claims as fatal, and waits for the rest', () => {
    expect(healthOf(obj('Job', {}, { conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }] })).fatal).toBe(true);
    expect(healthOf(obj('Job', {}, { conditions: [{ type: 'Complete', status: 'True' }], succeeded: 1 })).healthy).toBe(true);
    expect(healthOf(obj('Pod', {}, { phase: 'Failed' })).fatal).toBe(true);
    expect(
      healthOf(obj('Pod', {}, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', message: '0/3 nodes are available' }] })).reason,
    ).toMatch(/not scheduled: 0\/3/);
    expect(healthOf(obj('PersistentVolumeClaim', {}, { phase: 'Lost' })).fatal).toBe(true);
    expect(healthOf(obj('Service', { type: 'LoadBalancer' }, {})).healthy).toBe(false);
    expect(healthOf(obj('Service', { type: 'ClusterIP', clusterIP: '10.0.0.1' }, {})).healthy).toBe(true);
  });

  it('reads custom resources by their Ready or Available condition', () => {
    expect(healthOf(obj('Certificate', {}, { conditions: [{ type: 'Ready', status: 'False', message: 'issuing' }] }))).toMatchObject({
      healthy: false,
      reason: 'Ready is False: issuing',
    });
    expect(healthOf(obj('Certificate', {}, { conditions: [{ type: 'Ready', status: 'True' }] })).healthy).toBe(true);
    expect(healthOf(obj('Widget', {}, {})).healthy).toBe(true);
  });
});

describe('facts and templates', () => {
  it('exposes a Service address and ports flat, for get_attribute', () => {
    const facts = factsOf(
      obj(
        'Service',
        { type: 'LoadBalancer', clusterIP: '10.96.0.5', ports: [{ name: 'http', port: 80, nodePort: 30080 }] },
        { loadBalancer: { ingress: [{ hostname: 'lb.example.com' }] } },
      ),
    );
    expect(facts).toMatchObject({
      cluster_ip: '10.96.0.5',
      load_balancer: 'lb.example.com',
      load_balancer_hostname: 'lb.example.com',
      node_ports: { http: 30080 },
      dns_name: 'x.ns.svc.cluster.local',
    });
  });

  it('renders {{ NAME }} and dotted names, and refuses unknown ones with their line', () => {
    expect(renderTemplate('a: {{ A }}\nb: {{ B.c }}', { A: 1, B: { c: 'two' } }, 'f.yaml')).toBe('a: 1\nb: two');
    expect(() => renderTemplate('a: 1\nb: {{ MISSING }}', {}, 'f.yaml')).toThrow(OperationError);
    expect(() => renderTemplate('a: 1\nb: {{ MISSING }}', {}, 'f.yaml')).toThrow(/f\.yaml:2: template variable 'MISSING'/);
  });
});

describe('health by CEL expressions (health_check_exprs, as Flux healthCheckExprs)', () => {
  const widget = (status?: Record<string, unknown>): K8sObject => ({
    apiVersion: 'shop.example.com/v1',
    kind: 'Widget',
    metadata: { name: 'w' },
    ...(status ? { status } : {}),
  });
  const rules = healthExpressions([{ kind: 'Widget', current: "self.status.phase == 'Ready'", failed: "self.status.phase == 'Broken'" }]);

  it('current true is healthy, failed true is fatal, a field not there yet is waiting; other kinds keep the built-in checks', () => {
    expect(healthByExpressions(widget({ phase: 'Ready' }), rules)).toMatchObject({ healthy: true });
    expect(healthByExpressions(widget({ phase: 'Broken' }), rules)).toMatchObject({ healthy: false, fatal: true });
    expect(healthByExpressions(widget({ phase: 'Pending' }), rules)).toMatchObject({ healthy: false, reason: "until self.status.phase == 'Ready'" });
    expect(healthByExpressions(widget(), rules)).toMatchObject({ healthy: false });
    expect(healthByExpressions(widget(), rules)?.fatal).toBeUndefined();
    expect(healthByExpressions({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, rules)).toBeUndefined();
  });

  it('an expression that is not CEL or not a boolean is fatal (waiting would never end); a malformed list is refused', () => {
    expect(healthByExpressions(widget({ phase: 'x' }), healthExpressions([{ kind: 'Widget', current: 'self.status.phase ==' }]))).toMatchObject({
      fatal: true,
      reason: expect.stringMatching(/is not CEL/),
    });
    expect(healthByExpressions(widget({ phase: 'x' }), healthExpressions([{ kind: 'Widget', current: 'self.status.phase' }]))).toMatchObject({
      fatal: true,
      reason: expect.stringMatching(/not a boolean/),
    });
    expect(() => healthExpressions([{ current: 'true' }])).toThrow(/needs kind and current/);
    expect(() => healthExpressions('x')).toThrow(/must be a list/);
  });
});
