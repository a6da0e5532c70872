import type { StatusCause } from './errors.js';
import { isPlainObject, type KubeObject } from './objects.js';
import { matchesSelectorObject, type LabelSelectorObject } from './selectors.js';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Kinds whose names must be DNS labels (they become host names or ports' owners). */
const LABEL_NAMED = new Set(['Namespace', 'Service']);

const req = (field: string, message = 'Required value'): StatusCause => ({ reason: 'FieldValueRequired', message, field });
const bad = (field: string, message: string): StatusCause => ({ reason: 'FieldValueInvalid', message, field });

function podSpecCauses(spec: unknown, at: string): StatusCause[] {
  if (!isPlainObject(spec)) return [req(at)];
  const out: StatusCause[] = [];
  const containers = spec['containers'];
  if (!Array.isArray(containers) || containers.length === 0) out.push(req(`${at}.containers`));
  else
    for (const [i, c] of containers.entries()) {
      const p = `${at}.containers[${i}]`;
      if (!isPlainObject(c)) {
        out.push(bad(p, 'must be an object'));
        continue;
      }
      if (typeof c['name'] !== 'string' || !c['name']) out.push(req(`${p}.name`));
      else if (!DNS_LABEL.test(c['name']))
        out.push(bad(`${p}.name`, `Invalid value: "${c['name']}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'`));
      if (typeof c['image'] !== 'string' || !c['image']) out.push(req(`${p}.image`));
      const ports = c['ports'];
      if (!Array.isArray(ports)) continue;
      for (const [j, port] of ports.entries()) {
        const n = isPlainObject(port) ? port['containerPort'] : undefined;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 65535)
          out.push(bad(`${p}.ports[${j}].containerPort`, `Invalid value: ${JSON.stringify(n)}: must be between 1 and 65535, inclusive`));
      }
    }
  return out;
}

function replicasCause(spec: Record<string, unknown>, at: string): StatusCause[] {
  const r = spec['replicas'];
  if (r === undefined) return [];
  return typeof r === 'number' && Number.isInteger(r) && r >= 0
    ? []
    : [bad(`${at}.replicas`, `Invalid value: ${JSON.stringify(r)}: must be greater than or equal to 0`)];
}

function workloadCauses(obj: KubeObject): StatusCause[] {
  const spec = obj.spec;
  if (!isPlainObject(spec)) return [req('spec')];
  const out = replicasCause(spec, 'spec');
  const template = spec['template'];
  const selector = spec['selector'] as LabelSelectorObject | undefined;
  if (!isPlainObject(selector)) out.push(req('spec.selector'));
  if (!isPlainObject(template)) return [...out, req('spec.template')];
  const labels = (isPlainObject(template['metadata']) ? template['metadata']['labels'] : undefined) as Record<string, string> | undefined;
  if (isPlainObject(selector) && !matchesSelectorObject(labels, selector))
    out.push(bad('spec.template.metadata.labels', `Invalid value: ${JSON.stringify(labels ?? {})}: \`selector\` does not match template \`labels\``));
  out.push(...podSpecCauses(template['spec'], 'spec.template.spec'));
  return out;
}

/** Checks the parts of a kind's schema that the sandbox's controllers rely on, as the real API server does. */
export function validateObject(obj: KubeObject): StatusCause[] {
  const out: StatusCause[] = [];
  const name = obj.metadata.name;
  if (!name) out.push(req('metadata.name', 'name or generateName is required'));
  else if (!(LABEL_NAMED.has(obj.kind) ? DNS_LABEL : DNS_SUBDOMAIN).test(name) || name.length > 253) {
    out.push(
      bad(
        'metadata.name',
        `Invalid value: "${name}": a lowercase RFC 1123 ${LABEL_NAMED.has(obj.kind) ? 'label' : 'subdomain'} must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
      ),
    );
  }
  for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) {
    if (typeof v !== 'string') out.push(bad(`metadata.labels.${k}`, `Invalid value: ${JSON.stringify(v)}: label values must be strings`));
  }
  const spec = obj.spec;
  switch (obj.kind) {
    case 'Pod':
      out.push(...podSpecCauses(spec, 'spec'));
      break;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
      out.push(...workloadCauses(obj));
      break;
    case 'Job':
      if (!isPlainObject(spec) || !isPlainObject(spec['template'])) out.push(req('spec.template'));
      else out.push(...podSpecCauses(spec['template']['spec'], 'spec.template.spec'));
      break;
    case 'CronJob':
      if (!isPlainObject(spec) || typeof spec['schedule'] !== 'string') out.push(req('spec.schedule'));
      break;
    case 'Service': {
      const ports = isPlainObject(spec) ? spec['ports'] : undefined;
      const type = isPlainObject(spec) ? (spec['type'] ?? 'ClusterIP') : 'ClusterIP';
      if (!['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(String(type))) out.push(bad('spec.type', `Unsupported value: "${String(type)}"`));
      if (type !== 'ExternalName' && (!Array.isArray(ports) || ports.length === 0)) out.push(req('spec.ports'));
      if (Array.isArray(ports))
        ports.forEach((p, i) => {
          const n = isPlainObject(p) ? p['port'] : undefined;
          if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 65535)
            out.push(bad(`spec.ports[${i}].port`, `Invalid value: ${JSON.stringify(n)}: must be between 1 and 65535, inclusive`));
        });
      break;
    }
    case 'PersistentVolumeClaim': {
      const requests = isPlainObject(spec) && isPlainObject(spec['resources']) ? spec['resources']['requests'] : undefined;
      if (!isPlainObject(requests) || requests['storage'] === undefined) out.push(req('spec.resources[storage]'));
      if (!isPlainObject(spec) || !Array.isArray(spec['accessModes']) || spec['accessModes'].length === 0)
        out.push(req('spec.accessModes', 'at least 1 access mode is required'));
      break;
    }
    case 'ConfigMap':
    case 'Secret':
      for (const field of ['data', 'stringData']) {
        const d = obj[field];
        if (d !== undefined && !isPlainObject(d)) out.push(bad(field, 'must be a map of strings'));
        if (isPlainObject(d))
          for (const [k, v] of Object.entries(d))
            if (typeof v !== 'string') out.push(bad(`${field}[${k}]`, `Invalid value: ${JSON.stringify(v)}: must be a string`));
      }
      break;
    case 'CustomResourceDefinition': {
      const names = isPlainObject(spec) ? spec['names'] : undefined;
      if (!isPlainObject(spec) || typeof spec['group'] !== 'string') out.push(req('spec.group'));
      if (!isPlainObject(names) || typeof names['plural'] !== 'string' || typeof names['kind'] !== 'string') out.push(req('spec.names'));
      else if (isPlainObject(spec) && name !== `${String(names['plural'])}.${String(spec['group'])}`)
        out.push(bad('metadata.name', `Invalid value: "${name}": must be spec.names.plural+"."+spec.group`));
      if (!isPlainObject(spec) || !Array.isArray(spec['versions']) || spec['versions'].length === 0) out.push(req('spec.versions'));
      break;
    }
  }
  return out;
}
