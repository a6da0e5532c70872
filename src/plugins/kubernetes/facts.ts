import type { YamlMap, YamlValue } from '../../dsl/index.js';
import type { K8sObject } from './health.js';
import { MASK } from '../../runtime/redact.js';

/**
 * The facts other nodes need from an object, flat enough for get_attribute: identity, and for
 * Services, Pods and workloads the addresses, ports and placement they get once running.
 */
export function factsOf(o: K8sObject, pods: K8sObject[] = []): YamlMap {
  const out: YamlMap = {
    kind: o.kind,
    api_version: o.apiVersion,
    name: o.metadata.name ?? null,
    namespace: o.metadata.namespace ?? null,
    uid: o.metadata.uid ?? null,
    resource_version: o.metadata.resourceVersion ?? null,
  };
  const spec = o.spec ?? {};
  const status = o.status ?? {};
  if (o.kind === 'Service') {
    out['cluster_ip'] = (spec['clusterIP'] as string | undefined) ?? null;
    out['type'] = (spec['type'] as string | undefined) ?? 'ClusterIP';
    const ports = (spec['ports'] ?? []) as Array<{ name?: string; port?: number; nodePort?: number; targetPort?: number | string; protocol?: string }>;
    out['ports'] = ports.map((p) => ({
      name: p.name ?? null,
      port: p.port ?? null,
      target_port: p.targetPort ?? null,
      node_port: p.nodePort ?? null,
      protocol: p.protocol ?? 'TCP',
    }));
    const nodePorts: YamlMap = {};
    for (const p of ports) if (p.nodePort) nodePorts[p.name ?? String(p.port)] = p.nodePort;
    out['node_ports'] = nodePorts;
    const ingress = ((status['loadBalancer'] as { ingress?: unknown[] } | undefined)?.ingress ?? []) as Array<{ ip?: string; hostname?: string }>;
    out['load_balancer_ip'] = ingress[0]?.ip ?? null;
    out['load_balancer_hostname'] = ingress[0]?.hostname ?? null;
    out['load_balancer'] = ingress[0]?.hostname ?? ingress[0]?.ip ?? null;
    const name = o.metadata.name ?? '';
    out['dns_name'] = `${name}.${o.metadata.namespace ?? 'default'}.svc.cluster.local`;
  }
  if (o.kind === 'Pod') {
    out['pod_ip'] = (status['podIP'] as string | undefined) ?? null;
    out['host_ip'] = (status['hostIP'] as string | undefined) ?? null;
    out['node_name'] = (spec['nodeName'] as string | undefined) ?? null;
    out['phase'] = (status['phase'] as string | undefined) ?? null;
  }
  if (['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'ReplicationController'].includes(o.kind)) {
    out['replicas'] = (spec['replicas'] as number | undefined) ?? (status['desiredNumberScheduled'] as number | undefined) ?? null;
    out['ready_replicas'] = (status['readyReplicas'] as number | undefined) ?? (status['numberReady'] as number | undefined) ?? 0;
  }
  if (['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'ReplicationController', 'Job'].includes(o.kind)) {
    out['pods'] = pods.map((p) => ({
      name: p.metadata.name ?? '',
      node_name: (p.spec?.['nodeName'] as string | undefined) ?? null,
      pod_ip: (p.status?.['podIP'] as string | undefined) ?? null,
      phase: (p.status?.['phase'] as string | undefined) ?? null,
    }));
    out['node_names'] = [...new Set(pods.map((p) => p.spec?.['nodeName']).filter((n): n is string => typeof n === 'string'))].sort();
  }
  if (o.kind === 'PersistentVolumeClaim') {
    out['volume_name'] = (spec['volumeName'] as string | undefined) ?? null;
    out['phase'] = (status['phase'] as string | undefined) ?? null;
    out['capacity'] = ((status['capacity'] as YamlMap | undefined)?.['storage'] as YamlValue | undefined) ?? null;
  }
  if (o.kind === 'Ingress') {
    const ingress = ((status['loadBalancer'] as { ingress?: unknown[] } | undefined)?.ingress ?? []) as Array<{ ip?: string; hostname?: string }>;
    out['load_balancer'] = ingress[0]?.hostname ?? ingress[0]?.ip ?? null;
    out['hosts'] = ((spec['rules'] ?? []) as Array<{ host?: string }>).map((r) => r.host ?? null);
  }
  return out;
}

/** The stored copy of an object: what the API returned, without the bookkeeping that only grows. */
export function storedObject(o: K8sObject): YamlMap {
  const copy = JSON.parse(JSON.stringify(o)) as K8sObject;
  delete copy.metadata['managedFields'];
  if (copy.metadata.annotations) delete copy.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'];
  // A Secret's values never become runtime properties (they end up in outputs, comments and
  // events): its keys stay, each value masked, so readers still see what the Secret holds.
  if (copy.kind === 'Secret') {
    const record = copy as unknown as Record<string, unknown>;
    for (const field of ['data', 'stringData']) {
      const values = record[field];
      if (values && typeof values === 'object') record[field] = Object.fromEntries(Object.keys(values).map((k) => [k, MASK]));
    }
  }
  return copy as unknown as YamlMap;
}
