/** The API resources the sandbox serves: built-in kinds, plus kinds registered by CRDs. */
export interface ResourceType {
  group: string;
  /** Served versions; the first is the one objects are stored in. */
  versions: string[];
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  /** Has a `/status` subresource (spec and status are written separately). */
  status: boolean;
  /** Has a `/scale` subresource. */
  scale?: boolean;
  /** Registered by a CustomResourceDefinition (its name). */
  crd?: string;
}

const t = (
  group: string,
  versions: string[],
  kind: string,
  plural: string,
  namespaced: boolean,
  status: boolean,
  extra: Partial<ResourceType> = {},
): ResourceType => ({
  group,
  versions,
  kind,
  plural,
  singular: kind.toLowerCase(),
  namespaced,
  status,
  ...extra,
});

/** Built-in kinds, a subset of a current Kubernetes release. */
export const BUILTIN_TYPES: ResourceType[] = [
  t('', ['v1'], 'Namespace', 'namespaces', false, true, { shortNames: ['ns'] }),
  t('', ['v1'], 'Node', 'nodes', false, true, { shortNames: ['no'] }),
  t('', ['v1'], 'Pod', 'pods', true, true, { shortNames: ['po'] }),
  t('', ['v1'], 'Service', 'services', true, true, { shortNames: ['svc'] }),
  t('', ['v1'], 'ConfigMap', 'configmaps', true, false, { shortNames: ['cm'] }),
  t('', ['v1'], 'Secret', 'secrets', true, false),
  t('', ['v1'], 'ServiceAccount', 'serviceaccounts', true, false, { shortNames: ['sa'] }),
  t('', ['v1'], 'PersistentVolume', 'persistentvolumes', false, true, { shortNames: ['pv'] }),
  t('', ['v1'], 'PersistentVolumeClaim', 'persistentvolumeclaims', true, true, { shortNames: ['pvc'] }),
  t('', ['v1'], 'ReplicationController', 'replicationcontrollers', true, true, { shortNames: ['rc'], scale: true }),
  t('', ['v1'], 'Event', 'events', true, false, { shortNames: ['ev'] }),
  t('apps', ['v1'], 'Deployment', 'deployments', true, true, { shortNames: ['deploy'], scale: true }),
  t('apps', ['v1'], 'ReplicaSet', 'replicasets', true, true, { shortNames: ['rs'], scale: true }),
  t('apps', ['v1'], 'StatefulSet', 'statefulsets', true, true, { shortNames: ['sts'], scale: true }),
  t('apps', ['v1'], 'DaemonSet', 'daemonsets', true, true, { shortNames: ['ds'] }),
  t('batch', ['v1'], 'Job', 'jobs', true, true),
  t('batch', ['v1'], 'CronJob', 'cronjobs', true, true, { shortNames: ['cj'] }),
  // v1beta1 Ingress was removed in Kubernetes 1.22; it is served here (stored as v1) because
  // published Cloudify blueprints still use it. A real cluster refuses it.
  t('networking.k8s.io', ['v1', 'v1beta1'], 'Ingress', 'ingresses', true, true, { shortNames: ['ing'] }),
  t('networking.k8s.io', ['v1'], 'IngressClass', 'ingressclasses', false, false),
  t('networking.k8s.io', ['v1'], 'NetworkPolicy', 'networkpolicies', true, false, { shortNames: ['netpol'] }),
  t('rbac.authorization.k8s.io', ['v1'], 'Role', 'roles', true, false),
  t('rbac.authorization.k8s.io', ['v1'], 'RoleBinding', 'rolebindings', true, false),
  t('rbac.authorization.k8s.io', ['v1'], 'ClusterRole', 'clusterroles', false, false),
  t('rbac.authorization.k8s.io', ['v1'], 'ClusterRoleBinding', 'clusterrolebindings', false, false),
  t('storage.k8s.io', ['v1'], 'StorageClass', 'storageclasses', false, false, { shortNames: ['sc'] }),
  t('policy', ['v1'], 'PodDisruptionBudget', 'poddisruptionbudgets', true, true, { shortNames: ['pdb'] }),
  t('apiextensions.k8s.io', ['v1'], 'CustomResourceDefinition', 'customresourcedefinitions', false, true, { shortNames: ['crd', 'crds'] }),
];

export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The served resource types, looked up by group+plural or group+kind. */
export class ResourceCatalog {
  private readonly types: ResourceType[] = [];

  constructor(types: ResourceType[] = BUILTIN_TYPES) {
    for (const x of types) this.add(x);
  }

  add(type: ResourceType): void {
    this.remove(type.group, type.plural);
    this.types.push(type);
  }

  remove(group: string, plural: string): void {
    const i = this.types.findIndex((x) => x.group === group && x.plural === plural);
    if (i >= 0) this.types.splice(i, 1);
  }

  byPlural(group: string, version: string, plural: string): ResourceType | undefined {
    return this.types.find((x) => x.group === group && x.plural === plural && x.versions.includes(version));
  }

  byKind(group: string, kind: string): ResourceType | undefined {
    return this.types.find((x) => x.group === group && x.kind === kind);
  }

  all(): readonly ResourceType[] {
    return this.types;
  }

  groups(): Array<{ name: string; versions: string[] }> {
    const out = new Map<string, Set<string>>();
    for (const x of this.types) {
      if (!x.group) continue;
      const set = out.get(x.group) ?? new Set<string>();
      for (const v of x.versions) set.add(v);
      out.set(x.group, set);
    }
    return [...out].map(([name, versions]) => ({ name, versions: [...versions] }));
  }
}
