/**
 * Isthmus's own edition of Cloudify's basic types: the node, relationship and data type names,
 * properties and interfaces that Cloudify users know (docs: "Built-in Node Types",
 * "Built-in Relationship Types"), written for Isthmus. There are no agents in Isthmus, so the
 * agent-installation interfaces of cloudify.nodes.Compute are left out; `agent_config` is still
 * accepted so existing blueprints validate.
 */
export const CLOUDIFY_TYPES_YAML = `
tosca_definitions_version: cloudify_dsl_1_3

metadata:
  cloudify_types: true

plugins:
  # Operations of the manager-bound types (Component, SharedResource, …) and of the agent.
  cfy_extensions: { executor: central_deployment_agent, install: false }
  agent: { executor: central_deployment_agent, install: false }
  default_workflows: { executor: central_deployment_agent, install: false }
  script: { executor: host_agent, install: false }

node_types:
  cloudify.nodes.Root:
    properties:
      use_external_resource:
        description: True when the resource already exists and should be used, not created.
        type: boolean
        default: false
      resource_id:
        description: Identifies the existing resource when use_external_resource is true.
        required: false
    interfaces:
      cloudify.interfaces.lifecycle:
        precreate: {}
        create: {}
        configure: {}
        start: {}
        poststart: {}
        prestop: {}
        stop: {}
        delete: {}
        postdelete: {}
        preupdate: {}
        update: {}
        postupdate: {}
        update_config: {}
        update_apply: {}
        update_postapply: {}
        preheal: {}
        heal: {}
        postheal: {}
        pull: {}
        check_drift: {}
      cloudify.interfaces.validation:
        create: {}
        delete: {}
        check_status: {}
        creation: {}
        deletion: {}
      cloudify.interfaces.monitoring:
        start: {}
        stop: {}

  cloudify.nodes.Compute:
    derived_from: cloudify.nodes.Root
    properties:
      ip: { default: '' }
      os_family:
        description: Operating system family of the host (linux or windows).
        default: linux
      agent_config:
        description: Accepted for compatibility; Isthmus installs no agents.
        type: cloudify.datatypes.AgentConfig
        default: { install_method: none }
      install_agent: { default: '' }
      cloudify_agent: { default: {} }

  cloudify.nodes.Container: { derived_from: cloudify.nodes.Compute }
  cloudify.nodes.Tier: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.Volume: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.FileSystem:
    derived_from: cloudify.nodes.Root
    properties:
      use_external_resource: { type: boolean, default: false }
      partition_type: { type: integer, default: 83 }
      fs_type: { type: string, description: 'ext2, ext3, ext4, fat, ntfs or swap' }
      fs_mount_path: { type: string }
  cloudify.nodes.ObjectStorage: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.Network: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.Subnet: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.Port: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.Router: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.LoadBalancer: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.VirtualIP: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.SecurityGroup: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.SoftwareComponent: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.DBMS: { derived_from: cloudify.nodes.SoftwareComponent }
  cloudify.nodes.Database: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.WebServer:
    derived_from: cloudify.nodes.SoftwareComponent
    properties:
      port: { default: 80 }
  cloudify.nodes.ApplicationServer: { derived_from: cloudify.nodes.SoftwareComponent }
  cloudify.nodes.MessageBusServer: { derived_from: cloudify.nodes.SoftwareComponent }
  cloudify.nodes.ApplicationModule: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.CloudifyManager:
    derived_from: cloudify.nodes.SoftwareComponent
    properties:
      cloudify: { default: {} }
      cloudify_packages: { required: false }

  # Types that reach other deployments (Isthmus runs them through its driver; see plugins/extensions).
  cloudify.nodes.Component:
    derived_from: cloudify.nodes.Root
    properties:
      resource_config: { type: cloudify.datatypes.Component, default: {} }
      client: { type: cloudify.datatypes.RemoteCloudifyManagerClient, default: {} }
      plugins: { type: dict, default: {} }
      secrets: { type: dict, default: {} }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: cfy_extensions.cloudify_types.component.upload_blueprint
        configure: cfy_extensions.cloudify_types.component.create
        start:
          implementation: cfy_extensions.cloudify_types.component.execute_start
          inputs:
            workflow_id: { type: string, default: install }
            timeout: { type: integer, default: 1800 }
            interval: { type: integer, default: 1 }
        stop:
          implementation: cfy_extensions.cloudify_types.component.execute_start
          inputs:
            workflow_id: { default: uninstall }
            resource_config:
              default:
                blueprint: { get_property: [ SELF, resource_config, blueprint ] }
                deployment: { get_property: [ SELF, resource_config, deployment ] }
                executions_start_args: { allow_custom_parameters: true }
        delete: cfy_extensions.cloudify_types.component.delete
        refresh: cfy_extensions.cloudify_types.component.refresh
        heal: cfy_extensions.cloudify_types.component.heal
        update: cfy_extensions.cloudify_types.component.update
      cloudify.interfaces.validation:
        check_status: cfy_extensions.cloudify_types.component.check_status
  cloudify.nodes.ServiceComponent: { derived_from: cloudify.nodes.Component }
  cloudify.nodes.SharedResource:
    derived_from: cloudify.nodes.Root
    properties:
      resource_config: { type: cloudify.datatypes.SharedResource, default: {} }
      client: { type: cloudify.datatypes.RemoteCloudifyManagerClient, default: {} }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: cfy_extensions.cloudify_types.shared_resource.connect_deployment
        delete: cfy_extensions.cloudify_types.shared_resource.disconnect_deployment
      cloudify.interfaces.validation:
        check_status: cfy_extensions.cloudify_types.shared_resource.check_status
  cloudify.nodes.Blueprint:
    derived_from: cloudify.nodes.Root
    properties:
      resource_config: { type: cloudify.datatypes.Blueprint, default: {} }
      client: { type: cloudify.datatypes.RemoteCloudifyManagerClient, default: {} }
      plugins: { type: dict, default: {} }
      secrets: { type: dict, default: {} }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: cfy_extensions.cloudify_types.blueprint.upload
        delete: cfy_extensions.cloudify_types.blueprint.delete
  cloudify.nodes.PasswordSecret:
    derived_from: cloudify.nodes.Root
    properties:
      length: { type: integer, default: 8 }
      uppercase: { type: integer, default: 0 }
      lowercase: { type: integer, default: 0 }
      digits: { type: integer, default: 0 }
      symbols: { type: integer, default: 0 }
      secret_name: { type: string, required: false }
      use_secret_if_exists: { type: boolean, default: false }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: cfy_extensions.cloudify_types.password_secret.create
        delete: cfy_extensions.cloudify_types.password_secret.delete

relationships:
  cloudify.relationships.depends_on:
    properties:
      connection_type: { default: all_to_all }
    source_interfaces:
      cloudify.interfaces.relationship_lifecycle: &relationship_lifecycle
        preconfigure: {}
        postconfigure: {}
        establish: {}
        unlink: {}
        update: {}
        check_drift: {}
    target_interfaces:
      cloudify.interfaces.relationship_lifecycle: *relationship_lifecycle
  cloudify.relationships.connected_to: { derived_from: cloudify.relationships.depends_on }
  cloudify.relationships.contained_in: { derived_from: cloudify.relationships.depends_on }
  cloudify.relationships.depends_on_lifecycle_operation:
    derived_from: cloudify.relationships.depends_on
    properties:
      operation: { type: string, description: The target's lifecycle operation to wait for. }
  cloudify.relationships.depends_on_shared_resource:
    derived_from: cloudify.relationships.depends_on
  cloudify.relationships.connected_to_shared_resource:
    derived_from: cloudify.relationships.connected_to
  cloudify.relationships.file_system_depends_on_volume:
    derived_from: cloudify.relationships.depends_on
  cloudify.relationships.file_system_contained_in_compute:
    derived_from: cloudify.relationships.contained_in

data_types:
  cloudify.datatypes.AgentConfig:
    properties:
      install_method: { type: string, required: true }
      service_name: { type: string, required: false }
      network: { type: string, required: false }
      user: { type: string, required: false }
      key: { type: string, required: false }
      password: { type: string, required: false }
      port: { type: integer, required: false }
      host_key: { type: string, required: false, description: "Isthmus: the host's SSH key (SHA256 fingerprint, public key or known_hosts line); else trusted on first use" }
      powershell: { type: string, required: false, description: 'Isthmus: the PowerShell of a Windows host (default powershell.exe; pwsh for PowerShell 7)' }
      process_management: { required: false }
      min_workers: { type: integer, required: false }
      max_workers: { type: integer, required: false }
      heartbeat: { required: false }
      disable_requiretty: { type: boolean, required: false }
      env: { required: false }
      extra: { required: false }
      executable_temp_path: { type: string, required: false }
      log_level: { type: string, required: false }
      log_max_bytes: { type: integer, required: false }
      log_max_history: { type: integer, required: false }
  cloudify.datatypes.Blueprint:
    properties:
      external_resource: { type: boolean, default: false }
      id: { type: blueprint_id, required: false }
      main_file_name: { type: string, default: blueprint.yaml }
      blueprint_archive: { type: string, default: '' }
      labels: { type: list, required: false }
  cloudify.datatypes.ComponentDeployment:
    properties:
      external_resource: { type: boolean, default: false }
      id: { type: deployment_id, required: false }
      inputs: { type: dict, default: {} }
      logs: { type: boolean, required: false }
      auto_inc_suffix: { type: boolean, required: false }
      labels: { type: list, required: false }
  cloudify.datatypes.Component:
    properties:
      blueprint: { type: cloudify.datatypes.Blueprint, required: true }
      deployment: { type: cloudify.datatypes.ComponentDeployment, required: true }
      executions_start_args: { type: dict, default: {} }
  cloudify.datatypes.RemoteCloudifyManagerClient:
    properties:
      host: { type: string, required: false }
      port: { type: integer, required: false }
      protocol: { type: string, required: false }
      api_version: { type: string, required: false }
      headers: { type: dict, required: false }
      query_params: { type: dict, required: false }
      cert: { type: string, required: false }
      trust_all: { type: boolean, required: false }
      username: { type: string, required: false }
      password: { type: string, required: false }
      token: { type: string, required: false }
      tenant: { type: string, required: false }
  cloudify.datatypes.SharedResourceDeployment:
    properties:
      id: { type: deployment_id, required: true }
  cloudify.datatypes.SharedResource:
    properties:
      deployment: { type: cloudify.datatypes.SharedResourceDeployment, required: true }

workflows:
  install:
    mapping: default_workflows.isthmus.install
    parameters:
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  uninstall:
    mapping: default_workflows.isthmus.uninstall
    parameters:
      ignore_failure: { type: boolean, default: false }
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  start:
    mapping: default_workflows.isthmus.start
    parameters:
      operation_parms: { type: dict, default: {} }
      run_by_dependency_order: { type: boolean, default: true }
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  stop:
    mapping: default_workflows.isthmus.stop
    parameters:
      operation_parms: { type: dict, default: {} }
      run_by_dependency_order: { type: boolean, default: true }
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  restart:
    mapping: default_workflows.isthmus.restart
    parameters:
      stop_parms: { type: dict, default: {} }
      start_parms: { type: dict, default: {} }
      run_by_dependency_order: { type: boolean, default: true }
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  execute_operation:
    mapping: default_workflows.isthmus.execute_operation
    parameters:
      operation: { type: string }
      operation_kwargs: { type: dict, default: {} }
      allow_kwargs_override: { default: null }
      run_by_dependency_order: { type: boolean, default: false }
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  heal:
    mapping: default_workflows.isthmus.heal
    parameters:
      node_instance_id: { type: string, default: null }
      diagnose_value: { type: string, default: 'Not provided' }
      ignore_failure: { type: boolean, default: true }
      check_status: { type: boolean, default: true }
      allow_reinstall: { type: boolean, default: true }
      force_reinstall: { type: boolean, default: false }
  scale:
    mapping: default_workflows.isthmus.scale
    parameters:
      scalable_entity_name: { type: string }
      delta: { type: integer, default: 1 }
      scale_compute: { type: boolean, default: false }
      include_instances: { default: null }
      exclude_instances: { default: null }
      ignore_failure: { type: boolean, default: false }
      rollback_if_failed: { type: boolean, default: true }
  check_status:
    mapping: default_workflows.isthmus.check_status
    parameters:
      run_by_dependency_order: { type: boolean, default: false }
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  update:
    mapping: default_workflows.isthmus.update
    parameters:
      preview: { type: boolean, default: false }
      skip_install: { type: boolean, default: false }
      skip_uninstall: { type: boolean, default: false }
      skip_reinstall: { type: boolean, default: false }
      reinstall_list: { type: list, default: [] }

policy_types:
  cloudify.policies.types.host_failure:
    source: isthmus:unsupported
    properties: { policy_operates_on_group: { default: false } }
  cloudify.policies.types.threshold:
    source: isthmus:unsupported
    properties: { threshold: { required: false }, service: { default: service } }

policy_triggers:
  cloudify.policies.triggers.execute_workflow:
    source: isthmus:unsupported
    parameters:
      workflow: { description: Workflow to run }
      workflow_parameters: { default: {} }
`;
