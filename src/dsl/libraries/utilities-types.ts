/**
 * The types of cloudify-utilities-plugin that Isthmus runs natively (`plugin:cloudify-utilities-plugin`):
 * key pairs, cloud-init documents, secrets, files, configuration loading and device terminals. Type, property and
 * task names are Cloudify's (blueprints use them), and the custom-workflow plugin's name (its
 * `customwf` workflow and `log` operation) and the scalelist workflows. The rest of the plugin
 * (deployment proxies, suspend) is not here yet, so a blueprint using it names a missing type.
 */
export const UTILITIES_TYPES_YAML = `
plugins:
  cfy_util: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  keys: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  cloudinit: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  secrets: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  cfy_files: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  configuration: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  cloudify_custom_workflow: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  scalelist: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  terminal: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }

data_types:
  cloudify.datatypes.terminal_auth:
    properties:
      user: { default: '' }
      password: { default: '' }
      ip: { default: '', description: 'an address or a list of them (the first that answers is used)' }
      key_content: { default: '' }
      port: { default: 22 }
      host_key: { default: '', description: 'Isthmus: the device key (fingerprint, public key or known_hosts line); else trust on first use' }
      store_logs: { default: false }
      promt_check: { default: [] }
      responses: { default: [] }
      warnings: { default: [] }
      errors: { default: [] }
      criticals: { default: [] }
      exit_command: { default: exit }
      smart_device: { default: false }
  cloudify.datatypes.key:
    properties:
      algorithm: { type: string, default: RSA, description: RSA or ED25519 }
      bits: { type: integer, default: 2048 }
      comment: { type: string, required: false }
      passphrase: { type: string, required: false }
      private_key_path: { type: string, required: false }
      public_key_path: { type: string, required: false }
      openssh_format: { type: boolean, default: true }
      unvalidated: { type: boolean, required: false }
      use_secret_store: { type: boolean, required: false }
      use_secrets_if_exist: { type: boolean, required: false }
      key_name: { type: string, required: false }
  cloudify.datatypes.File:
    properties:
      resource_path: { type: string, description: a file of the blueprint's directory }
      file_path: { type: string, description: where to write it on the machine that runs the step }
      owner: { type: string, required: false }
      mode: { required: false }
      template_variables: { required: false }
      use_sudo: { type: boolean, default: false }
      allow_failure: { type: boolean, default: false }

node_types:
  cloudify.nodes.terminal.Raw:
    derived_from: cloudify.nodes.Root
    properties:
      terminal_auth: { type: cloudify.datatypes.terminal_auth, default: {} }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: { implementation: terminal.cloudify_terminal.tasks.run, inputs: {} }
        configure: { implementation: terminal.cloudify_terminal.tasks.run, inputs: {} }
        start: { implementation: terminal.cloudify_terminal.tasks.run, inputs: {} }
        stop: { implementation: terminal.cloudify_terminal.tasks.run, inputs: {} }
        delete: { implementation: terminal.cloudify_terminal.tasks.run, inputs: {} }
  cloudify.terminal.raw:
    derived_from: cloudify.nodes.terminal.Raw
  cloudify.nodes.keys.RSAKey:
    derived_from: cloudify.nodes.Root
    properties:
      use_secret_store: { type: boolean, default: true }
      use_secrets_if_exist: { type: boolean, default: false }
      key_name: { type: string, required: false }
      resource_config: { type: cloudify.datatypes.key, required: true }
    interfaces:
      cloudify.interfaces.lifecycle:
        create:
          implementation: keys.cloudify_ssh_key.operations.create
          inputs:
            store_public_key_material: { type: boolean, default: true }
            store_private_key_material: { type: boolean, default: false }
        delete: keys.cloudify_ssh_key.operations.delete
  cloudify.keys.nodes.RSAKey:
    derived_from: cloudify.nodes.keys.RSAKey

  cloudify.nodes.CloudInit.CloudConfig:
    derived_from: cloudify.nodes.Root
    properties:
      header: { default: '#cloud-config' }
      encode_base64: { default: false }
      resource_config: { default: {} }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: cloudinit.cloudify_cloudinit.tasks.update
        configure: cloudinit.cloudify_cloudinit.tasks.update
        start: cloudinit.cloudify_cloudinit.tasks.update
        stop: cloudinit.cloudify_cloudinit.tasks.update
        delete: cloudinit.cloudify_cloudinit.tasks.delete

  cloudify.nodes.secrets.Writer:
    derived_from: cloudify.nodes.Root
    properties:
      entries: { default: {} }
      do_not_delete: { type: boolean, default: false }
      variant: { type: string, required: false }
      separator: { type: string, required: false }
      logs_secrets: { type: boolean, default: false }
      update_if_exists: { type: boolean, default: false }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: secrets.cloudify_secrets.tasks.create
        delete: secrets.cloudify_secrets.tasks.delete
      cloudify.interfaces.operations:
        update: secrets.cloudify_secrets.tasks.update
  cloudify.nodes.secrets.Reader:
    derived_from: cloudify.nodes.Root
    properties:
      keys: { default: [] }
      variant: { type: string, required: false }
      separator: { type: string, required: false }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: secrets.cloudify_secrets.tasks.read
      cloudify.interfaces.operations:
        update: secrets.cloudify_secrets.tasks.read

  cloudify.nodes.File:
    derived_from: cloudify.nodes.Root
    properties:
      resource_config: { type: cloudify.datatypes.File, required: true }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: cfy_files.cloudify_files.tasks.create
        delete: cfy_files.cloudify_files.tasks.delete

  cloudify.nodes.ConfigurationLoader:
    derived_from: cloudify.nodes.ApplicationServer
    properties:
      parameters_json: { default: '' }
    interfaces:
      cloudify.interfaces.lifecycle:
        configure:
          implementation: configuration.cloudify_configuration.tasks.load_configuration
          inputs:
            parameters: { default: { get_property: [SELF, parameters_json] } }
            merge_dicts: { default: false }
  configuration_loader:
    derived_from: cloudify.nodes.ConfigurationLoader

relationships:
  cloudify.relationships.load_from_config:
    derived_from: cloudify.relationships.depends_on
    target_interfaces:
      cloudify.interfaces.relationship_lifecycle:
        preconfigure:
          implementation: configuration.cloudify_configuration.tasks.load_configuration_to_runtime_properties
          inputs:
            source_config: { default: { get_attribute: [TARGET, params] } }
  load_from_config:
    derived_from: cloudify.relationships.load_from_config

workflows:
  scaleuplist:
    mapping: scalelist.cloudify_scalelist.workflows.scaleuplist
    parameters:
      scalable_entity_properties: { default: {}, description: "node name: [runtime properties of each new instance]" }
      scale_compute: { default: false }
      ignore_failure: { type: boolean, default: false }
      ignore_rollback_failure: { type: boolean, default: true }
      scale_transaction_field: { type: string, default: _transaction_id }
      scale_transaction_value: { type: string, default: "" }
      node_sequence: { default: false, description: accepted; Isthmus installs in dependency order }
      rollback_on_failure: { type: boolean, default: true }
  scaledownlist:
    mapping: scalelist.cloudify_scalelist.workflows.scaledownlist
    parameters:
      scale_compute: { default: false }
      ignore_failure: { type: boolean, default: false }
      scale_transaction_field: { type: string, default: _transaction_id }
      scale_node_name: { type: string, default: "" }
      scale_node_field: { default: "" }
      scale_node_field_value: { default: "" }
      force_db_cleanup: { default: false, description: deprecated in the plugin; accepted }
      all_results: { default: false, description: accepted; every instance is searched }
      node_sequence: { default: false, description: accepted; Isthmus uninstalls in dependency order }
      force_remove: { type: boolean, default: true }
      rollback_on_failure: { type: boolean, default: true }
`;
