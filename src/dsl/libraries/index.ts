import { ANSIBLE_TYPES_YAML } from './ansible-types.js';
import { CLOUDIFY_TYPES_YAML } from './cloudify-types.js';
import { AWS_TYPES_YAML } from './aws-types.js';
import { HELM_TYPES_YAML } from './helm-types.js';
import { HYBRID_TYPES_YAML } from './hybrid-types.js';
import { KUBERNETES_TYPES_YAML } from './kubernetes-types.js';
import { UTILITIES_TYPES_YAML } from './utilities-types.js';

/** Pseudo-path under which the shipped basic types appear in error positions. */
export const CLOUDIFY_TYPES_LIBRARY_FILE = 'isthmus:types/cloudify-types.yaml';

export function shippedTypeLibrary(): string {
  return CLOUDIFY_TYPES_YAML;
}

export interface ShippedLibrary {
  file: string;
  text: string;
  /** Only the types Isthmus runs: a plugins directory's full file of the plugin is preferred. */
  partial?: boolean;
}

const PARTIAL = new Set(['cloudify-utilities-plugin']);

/** Plugin type libraries shipped with Isthmus, by the name blueprints import (`plugin:<name>`). */
const SHIPPED_PLUGINS: Readonly<Record<string, () => string>> = {
  'cloudify-kubernetes-plugin': () => KUBERNETES_TYPES_YAML,
  'cloudify-aws-plugin': () => AWS_TYPES_YAML,
  'isthmus-hybrid': () => HYBRID_TYPES_YAML,
  'cloudify-utilities-plugin': () => UTILITIES_TYPES_YAML,
  'cloudify-ansible-plugin': () => ANSIBLE_TYPES_YAML,
  'cloudify-helm-plugin': () => HELM_TYPES_YAML,
  // The fabric plugin has no types: its plugin, run where steps run (it reaches hosts over SSH itself).
  'cloudify-fabric-plugin': () => 'plugins:\n  fabric: { executor: central_deployment_agent, package_name: cloudify-fabric-plugin }\n',
};

export function shippedPluginLibrary(name: string, _dslVersion: string | undefined): ShippedLibrary | undefined {
  const text = SHIPPED_PLUGINS[name];
  return text ? { file: `isthmus:plugins/${name}.yaml`, text: text(), ...(PARTIAL.has(name) ? { partial: true } : {}) } : undefined;
}
