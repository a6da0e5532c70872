/**
 * Isthmus's Kubernetes type library, imported as `plugin:cloudify-kubernetes-plugin`. It keeps the
 * type, property and operation names of Cloudify's Kubernetes plugin (both its DSL 1_3 names,
 * `cloudify.kubernetes.resources.*`, and its 1_4/1_5 names, `cloudify.nodes.kubernetes.resources.*`)
 * so published blueprints run unchanged; the operations are Isthmus's own (src/plugins/kubernetes).
 */

const tasks = (prefix: string) => `kubernetes.cloudify_kubernetes.tasks.${prefix}`;

function lifecycle(kind: 'resource' | 'custom' | 'file_resource' | 'multiple_file_resource'): string {
  const op = (name: string) => (kind === 'custom' ? tasks(`custom_${name}`) : tasks(`${kind}_${name}`));
  const read = kind === 'custom' ? tasks('resource_read') : op('read');
  const checkStatus = kind === 'resource' ? tasks('resource_read_check_status') : kind === 'custom' ? tasks('custom_check_status') : op('check_status');
  const checkDrift = kind === 'resource' ? tasks('resource_read_check_drift') : kind === 'custom' ? tasks('custom_check_drift') : op('check_drift');
  const create = kind === 'custom' ? tasks('custom_resource_create') : op('create');
  const update = kind === 'custom' ? tasks('resource_update') : op('update');
  const del = kind === 'custom' ? tasks('custom_resource_delete') : op('delete');
  return `
    interfaces:
      cloudify.interfaces.validation:
        check_status: { implementation: ${checkStatus} }
        check_drift: { implementation: ${checkDrift} }
      cloudify.interfaces.lifecycle:
        create: { implementation: ${create} }
        poststart: { implementation: ${read} }
        update: { implementation: ${update} }
        delete: { implementation: ${del} }
        pull: { implementation: ${read} }
        check_drift: { implementation: ${checkDrift} }
      isthmus.interfaces.kubernetes:
        # Day two, through execute_operation with operation_kwargs: node_pool (+ pool_label,
        # default isthmus.dev/node-pool), node_name, or node_selector. No declared inputs, so the
        # kwargs need no allow_kwargs_override.
        migrate: kubernetes.isthmus.migrate`;
}

/**
 * Kinds with their own node types: [Kind, Cloudify's definition data type, wait for health by default].
 * Definitions are untyped here: Kubernetes kinds have fields Cloudify's data types never listed
 * (a StorageClass's volumeBindingMode, a Secret's immutable, …), and data types refuse unknown fields.
 */
const KINDS: Array<[string, string, boolean]> = [
  ['ClusterRoleBinding', 'RoleBindingDefinition', false],
  ['RoleBinding', 'RoleBindingDefinition', false],
  ['Role', 'RoleDefinition', false],
  ['ClusterRole', 'ClusterRoleDefinition', false],
  ['Secret', 'SecretDefinition', false],
  ['ServiceAccount', 'ServiceAccountDefinition', false],
  ['Deployment', 'ResourceDefinition', true],
  ['Node', 'ResourceDefinition', false],
  ['Namespace', 'ResourceDefinition', false],
  ['Pod', 'ResourceDefinition', true],
  ['ReplicaSet', 'ResourceDefinition', true],
  ['ReplicationController', 'ResourceDefinition', true],
  // Cloudify waits for neither by default; Isthmus does, as users of these kinds expect.
  ['DaemonSet', 'ResourceDefinition', true],
  ['StatefulSet', 'ResourceDefinition', true],
  ['CustomResourceDefinition', 'ResourceDefinition', true],
  ['CustomObject', 'ResourceDefinition', false],
  ['Service', 'ResourceDefinition', true],
  ['PersistentVolume', 'ResourceDefinition', true],
  ['ConfigMap', 'ConfigClassResourceDefinition', false],
  ['StorageClass', 'StorageClassResourceDefinition', false],
  ['PodSecurityPolicy', 'ResourceDefinition', false],
  ['NetworkPolicy', 'ResourceDefinition', false],
  ['Ingress', 'ResourceDefinition', false],
  ['PersistentVolumeClaim', 'ResourceDefinition', true],
  // Not in Cloudify's plugin: added by Isthmus.
  ['Job', 'ResourceDefinition', true],
  ['CronJob', 'ResourceDefinition', false],
];

function kindTypes(): string {
  return KINDS.map(([kind, , wait]) => {
    const options = kind === 'CustomObject' ? `\n      options:\n        type: cloudify.kubernetes.types.CustomObjectsOptions` : '';
    return `
  cloudify.nodes.kubernetes.resources.${kind}:
    derived_from: cloudify.kubernetes.resources.BlueprintDefinedResource
    properties:
      definition:
        description: The ${kind}, as Kubernetes YAML (any field the kind has; apiVersion defaults to v1).
      validate_resource_status:
        default: ${wait}${options}

  cloudify.kubernetes.resources.${kind}:
    derived_from: cloudify.nodes.kubernetes.resources.${kind}
`;
  }).join('');
}

/** Both names of a type: the 1_4+ one and the DSL 1_3 alias derived from it. */
const alias = (name: string) => `
  cloudify.kubernetes.${name}:
    derived_from: cloudify.nodes.kubernetes.${name}
`;

export const KUBERNETES_TYPES_YAML = `
plugins:
  kubernetes:
    executor: central_deployment_agent
    package_name: cloudify-kubernetes-plugin
    package_version: 'isthmus'

data_types:

  cloudify.kubernetes.types.FileResource:
    properties:
      resource_path: { type: string, required: false, description: 'A YAML file of Kubernetes objects, relative to the blueprint.' }
      target_path: { type: string, required: false, description: 'Ignored (kept for compatibility).' }
      template_variables: { required: false, description: 'Values substituted for {{ NAME }} in the file.' }

  cloudify.kubernetes.types.ApiOptions:
    properties:
      host: { type: string, required: false, description: 'URL of the Kubernetes API server.' }
      ssl_ca_cert: { type: string, required: false, description: 'CA certificate (PEM content or a file path).' }
      cert_file: { type: string, required: false, description: 'Client certificate (PEM content or a file path).' }
      key_file: { type: string, required: false, description: 'Client key (PEM content or a file path).' }
      verify_ssl: { type: string, required: false, description: 'false to skip TLS verification.' }
      api_key: { type: string, required: false, description: 'Bearer token.' }
      debug: { type: boolean, required: false }

  cloudify.kubernetes.types.ConfigurationVariant:
    description: How to reach the API server; give one of these.
    properties:
      blueprint_file_name: { type: string, required: false, description: 'A kubeconfig file in the repository, relative to the blueprint.' }
      manager_file_path: { type: string, required: false, description: 'A kubeconfig file on the machine running the step.' }
      file_content: { required: false, description: 'Kubeconfig content (YAML text or a mapping).' }
      api_options: { type: cloudify.kubernetes.types.ApiOptions, required: false }

  cloudify.kubernetes.types.AuthenticationVariant:
    properties:
      gcp_service_account: { type: string, required: false, description: 'Not supported by Isthmus.' }
      azure_service_account: { type: dict, required: false, description: 'Not supported by Isthmus.' }
      aws_eks: { type: dict, required: false, description: '{cluster_name, region}: authenticate to EKS with a short-lived token from the step''s AWS identity (Isthmus addition).' }

  cloudify.kubernetes.types.ApiMappingEntry:
    properties:
      api: { type: string, required: true }
      method: { type: string, required: true }
      payload: { type: string, required: false }

  cloudify.kubernetes.types.ApiMapping:
    description: Ignored by Isthmus, which reaches any kind through API discovery.
    properties:
      create: { type: cloudify.kubernetes.types.ApiMappingEntry }
      read: { type: cloudify.kubernetes.types.ApiMappingEntry }
      update: { type: cloudify.kubernetes.types.ApiMappingEntry }
      delete: { type: cloudify.kubernetes.types.ApiMappingEntry }

  cloudify.kubernetes.types.AbstractResource:
    properties:
      apiVersion: { type: string, default: v1 }
      kind: { type: string, required: false }
      metadata: { default: {} }

  cloudify.kubernetes.types.ResourceDefinition:
    derived_from: cloudify.kubernetes.types.AbstractResource
    properties:
      spec: { default: {} }

  cloudify.kubernetes.types.RoleBindingDefinition:
    derived_from: cloudify.kubernetes.types.AbstractResource
    properties:
      roleRef: { default: {} }
      subjects: { default: [] }

  cloudify.kubernetes.types.RoleDefinition:
    derived_from: cloudify.kubernetes.types.AbstractResource
    properties:
      rules: { default: [] }

  cloudify.kubernetes.types.ClusterRoleDefinition:
    derived_from: cloudify.kubernetes.types.RoleDefinition

  cloudify.kubernetes.types.StorageClassResourceDefinition:
    derived_from: cloudify.kubernetes.types.AbstractResource
    properties:
      parameters: { required: false }
      provisioner: { required: false }

  cloudify.kubernetes.types.ServiceAccountDefinition:
    derived_from: cloudify.kubernetes.types.AbstractResource
    properties:
      automountServiceAccountToken: { type: boolean, default: false }
      imagePullSecrets: { default: [] }
      secrets: { default: [] }

  cloudify.kubernetes.types.SecretDefinition:
    derived_from: cloudify.kubernetes.types.AbstractResource
    properties:
      type: { type: string, required: false }
      data: { default: {} }
      stringData: { default: {} }

  cloudify.kubernetes.types.ConfigClassResourceDefinition:
    derived_from: cloudify.kubernetes.types.ResourceDefinition
    properties:
      data: { default: {} }

  cloudify.kubernetes.types.ClientConfig:
    properties:
      configuration: { type: cloudify.kubernetes.types.ConfigurationVariant }
      authentication: { type: cloudify.kubernetes.types.AuthenticationVariant, required: false }

  cloudify.kubernetes.types.Options:
    properties:
      namespace: { type: string, default: default }
      grace_period_seconds: { type: integer, required: false }
      propagation_policy: { type: string, required: false }

  cloudify.kubernetes.types.CustomObjectsOptions:
    properties:
      namespace: { type: string, default: default }
      group: { type: string, required: true }
      plural: { type: string, required: true }
      version: { type: string, required: true }

node_types:

  cloudify.nodes.kubernetes.Master:
    derived_from: cloudify.nodes.Root
    properties:
      configuration: { type: cloudify.kubernetes.types.ConfigurationVariant }
      authentication: { type: cloudify.kubernetes.types.AuthenticationVariant, required: false }

  cloudify.kubernetes.nodes.Master:
    derived_from: cloudify.nodes.kubernetes.Master

  cloudify.nodes.kubernetes.resources.ResourceBase:
    derived_from: cloudify.nodes.Root
    properties:
      client_config: { type: cloudify.kubernetes.types.ClientConfig, required: false }
      allow_node_redefinition: { type: boolean, default: true, description: 'An update may change the kind or name (the old object is deleted).' }
      use_external_resource: { type: boolean, default: false, description: 'The object exists already; it is read, never created or deleted.' }
      create_if_missing: { type: boolean, default: false, description: 'With use_external_resource, create it when missing (then it is not deleted either).' }
      use_if_exists: { type: boolean, default: true, description: 'Adopt an existing object of the same name (and delete it on uninstall).' }
      options: { type: cloudify.kubernetes.types.Options }
      health_check_exprs:
        default: []
        description: >
          Isthmus: when objects count as healthy, in CEL over the live object (self), as Flux's
          healthCheckExprs: [{kind, apiVersion (optional), current, failed (optional)}]; instead of
          the built-in checks for those kinds, in install waits and check_status.
${alias('resources.ResourceBase')}
  cloudify.nodes.kubernetes.resources.ResourceWithValidateStatus:
    derived_from: cloudify.kubernetes.resources.ResourceBase
    properties:
      validate_resource_status: { type: boolean, default: false, description: 'Wait until the object is healthy before the node is started.' }
${alias('resources.ResourceWithValidateStatus')}
  cloudify.nodes.kubernetes.resources.BlueprintDefinedResource:
    derived_from: cloudify.kubernetes.resources.ResourceWithValidateStatus
    properties:
      definition: { description: 'The object, as Kubernetes YAML: any apiVersion and kind, any field (apiVersion defaults to v1).' }
${lifecycle('resource')}
${alias('resources.BlueprintDefinedResource')}
${kindTypes()}
  cloudify.nodes.kubernetes.resources.CustomBlueprintDefinedResource:
    derived_from: cloudify.kubernetes.resources.BlueprintDefinedResource
    properties:
      api_mapping: { required: false, description: 'Ignored: Isthmus finds any kind through API discovery (Cloudify needed the Python client class names).' }
${lifecycle('custom')}
${alias('resources.CustomBlueprintDefinedResource')}
  cloudify.nodes.kubernetes.resources.FileDefinedResource:
    derived_from: cloudify.kubernetes.resources.ResourceWithValidateStatus
    properties:
      file: { type: cloudify.kubernetes.types.FileResource }
      allow_node_redefinition: { type: boolean, default: false }
      validate_resource_status: { default: true }
${lifecycle('file_resource')}
${alias('resources.FileDefinedResource')}
  cloudify.nodes.kubernetes.resources.MultipleFileDefinedResources:
    derived_from: cloudify.kubernetes.resources.ResourceWithValidateStatus
    properties:
      files: { description: 'A list of FileResource entries (resource_path + template_variables).' }
      allow_node_redefinition: { type: boolean, default: false }
${lifecycle('multiple_file_resource')}
${alias('resources.MultipleFileDefinedResources')}
  cloudify.nodes.kubernetes.resources.SharedCluster:
    derived_from: cloudify.nodes.SharedResource
    properties:
      client_config: { type: cloudify.kubernetes.types.ClientConfig, required: false }
      options: { type: cloudify.kubernetes.types.Options }
    interfaces:
      cloudify.interfaces.validation:
        check_status: { implementation: ${tasks('get_token_status')} }
      cloudify.interfaces.lifecycle:
        configure: { implementation: ${tasks('refresh_config')} }
        start: { implementation: ${tasks('create_token')} }
        poststart: { implementation: ${tasks('read_token')} }
        prestop: { implementation: ${tasks('refresh_config')} }
        stop: { implementation: ${tasks('delete_token')} }
        pull: { implementation: ${tasks('read_token')} }
${alias('resources.SharedCluster')}
relationships:

  cloudify.relationships.kubernetes.managed_by_master:
    derived_from: cloudify.relationships.connected_to

  cloudify.kubernetes.relationships.managed_by_master:
    derived_from: cloudify.relationships.kubernetes.managed_by_master

  cloudify.relationships.kubernetes.connected_to_shared_cluster:
    derived_from: cloudify.relationships.connected_to

workflows:
  # The instance's update operation, with these changes merged into its definition.
  update_resource_definition:
    mapping: kubernetes.cloudify_kubernetes.workflows.update_resource_definition
    parameters:
      node_instance_id: { type: string, default: '' }
      resource_definition_changes: { default: {} }
  # Rotates a service-account token: the cluster, the service account and its token Secret read again, then the storing node's create.
  refresh_and_store_token:
    mapping: kubernetes.cloudify_kubernetes.workflows.refresh_and_store_token
    parameters:
      kubernetes_cluster_node_instance_id: { type: string, default: eks_cluster }
      deployment_capability_name: { type: string, default: connection_details }
      service_account_node_instance_id: { type: string, default: new_service_account }
      secret_token_node_instance_id: { type: string, default: secret }
      store_token_and_kubeconfig_id: { type: string, default: store_token_and_kubeconfig }
`;
