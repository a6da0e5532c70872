/**
 * The types of cloudify-ansible-plugin (`plugin:cloudify-ansible-plugin`), which Isthmus runs
 * natively: `ansible-playbook` from ansible-core where the step runs (a runner, or local mode; the
 * step Lambda has no Ansible, so these steps always run in the driver's process). Type, property,
 * task and workflow names are the plugin's, so blueprints written for it run unchanged. Isthmus
 * installs no virtualenv: `extra_packages`, `galaxy_collections` and `roles` must already be where
 * the step runs (the operation says so when they are given).
 */
const PLAYBOOK_PROPERTIES = `
      ansible_external_venv: { type: string, default: '' }
      ansible_playbook_executable_path: { type: string, default: '', description: 'ansible-playbook to run instead of the one on PATH' }
      extra_packages: { type: list, default: [] }
      galaxy_collections: { type: list, default: [] }
      roles: { type: list, default: [] }
      module_path: { type: string, default: '' }
      playbook_source_path: { type: string, default: '', description: 'a directory of the blueprint the playbook_path is relative to' }
      playbook_path: { type: string, default: '', description: 'the playbook, a file of the blueprint' }
      site_yaml_path: { type: string, default: '', description: 'deprecated name of playbook_path' }
      additional_playbook_files: { type: list, default: [] }
      sources: { default: '', description: 'the inventory - YAML, or a file of the blueprint; else the sources runtime property or the host' }
      run_data: { default: {}, description: 'extra variables' }
      sensitive_keys: { type: list, default: [ ansible_password ] }
      options_config: { default: {}, description: 'ansible-playbook options such as tags, skip_tags, limit' }
      ansible_env_vars:
        default: { ANSIBLE_HOST_KEY_CHECKING: 'False', ANSIBLE_INVALID_TASK_ATTRIBUTE_FAILED: 'False', ANSIBLE_STDOUT_CALLBACK: json }
      debug_level: { type: integer, default: 2 }
      log_stdout: { type: boolean, default: true }
      additional_args: { type: string, default: '' }
      start_at_task: { type: string, default: '' }
      scp_extra_args: { type: string, default: '' }
      sftp_extra_args: { type: string, default: '' }
      ssh_common_args: { type: string, default: '' }
      ssh_extra_args: { type: string, default: '' }
      timeout: { type: string, default: '10' }
      save_playbook: { type: boolean, default: false }
      remerge_sources: { type: boolean, default: false }
      ansible_become: { type: boolean, default: false }
      tags: { type: list, default: [] }
      auto_tags: { type: boolean, default: false }
      number_of_attempts: { type: integer, default: 3, description: 'attempts while hosts are unreachable' }
      store_facts: { type: boolean, default: true }`;

const NAMES = [
  'ansible_playbook_executable_path',
  'extra_packages',
  'galaxy_collections',
  'roles',
  'playbook_source_path',
  'playbook_path',
  'site_yaml_path',
  'save_playbook',
  'remerge_sources',
  'sources',
  'run_data',
  'sensitive_keys',
  'options_config',
  'ansible_env_vars',
  'debug_level',
  'additional_args',
  'start_at_task',
  'scp_extra_args',
  'sftp_extra_args',
  'ssh_common_args',
  'ssh_extra_args',
  'timeout',
  'tags',
  'auto_tags',
  'number_of_attempts',
  'store_facts',
];
/** Operation inputs that default to the node's properties (or, on a relationship, the source's runtime properties). */
const inputsFrom = (fn: string, of: string, indent: string) => NAMES.map((n) => `${indent}${n}: { default: { ${fn}: [ ${of}, ${n} ] } }`).join('\n');

export const ANSIBLE_TYPES_YAML = `
plugins:
  ansible: { executor: central_deployment_agent, package_name: cloudify-ansible-plugin }

node_types:

  cloudify.nodes.ansible.Ansible:
    derived_from: cloudify.nodes.SoftwareComponent
    properties:
      use_existing_resource: { type: boolean, default: false }
      installation_source: { type: string, default: 'ansible==4.10.0' }
      extra_packages: { type: list, default: [] }
      galaxy_collections: { type: list, default: [] }
      ansible_external_venv: { type: string, default: '' }
      ansible_playbook_executable_path: { type: string, default: '' }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: ansible.cloudify_ansible.tasks.install
        delete: ansible.cloudify_ansible.tasks.uninstall

  cloudify.nodes.ansible.Executor:
    derived_from: cloudify.nodes.Root
    properties:${PLAYBOOK_PROPERTIES}
    interfaces:
      cloudify.interfaces.lifecycle:
        precreate: ansible.cloudify_ansible.tasks.precreate
        start:
          implementation: ansible.cloudify_ansible.tasks.run
          inputs:
${inputsFrom('get_property', 'SELF', '            ')}
        delete: ansible.cloudify_ansible.tasks.cleanup
      ansible:
        reload:
          implementation: ansible.cloudify_ansible.tasks.run
          inputs:
${inputsFrom('get_property', 'SELF', '            ')}

  cloudify.nodes.ansible.Playbook:
    derived_from: cloudify.nodes.Root
    properties:${PLAYBOOK_PROPERTIES}
      kerberos_config: { type: string, required: false }
    interfaces:
      cloudify.interfaces.lifecycle:
        precreate: ansible.cloudify_ansible.tasks.precreate
        configure: ansible.cloudify_ansible.tasks.configure
        start:
          implementation: ansible.cloudify_ansible.tasks.set_playbook_config
          inputs:
${inputsFrom('get_property', 'SELF', '            ')}
        poststart:
          implementation: ansible.cloudify_ansible.tasks.store_facts
          inputs:
${inputsFrom('get_property', 'SELF', '            ')}
      ansible:
        reload:
          implementation: ansible.cloudify_ansible.tasks.run
          inputs:
${inputsFrom('get_property', 'SELF', '            ')}

relationships:

  cloudify.relationships.ansible.connected_to_host:
    derived_from: cloudify.relationships.connected_to
    source_interfaces:
      cloudify.interfaces.relationship_lifecycle:
        preconfigure:
          implementation: ansible.cloudify_ansible.tasks.ansible_requires_host
          inputs:
            group_name: { default: '', description: 'the inventory group; named after the target type when empty' }
            hostname: { default: '', description: 'the host name; the target instance id when empty' }
            host_config: { default: {}, description: 'ansible_host, ansible_user, ansible_ssh_private_key_file, ansible_port ...; else from the target Compute' }
        unlink:
          implementation: ansible.cloudify_ansible.tasks.ansible_remove_host
          inputs:
            group_name: { default: '' }
            hostname: { default: '' }

  cloudify.relationships.ansible.run_on_host:
    derived_from: cloudify.relationships.connected_to
    source_interfaces:
      cloudify.interfaces.relationship_lifecycle:
        establish:
          implementation: ansible.cloudify_ansible.tasks.run
          inputs:
${inputsFrom('get_attribute', 'SOURCE', '            ')}
        unlink: ansible.cloudify_ansible.tasks.cleanup

  cloudify.ansible.relationships.connected_to_host:
    derived_from: cloudify.relationships.ansible.connected_to_host

  cloudify.ansible.relationships.run_on_host:
    derived_from: cloudify.relationships.ansible.run_on_host

workflows:
  reload_ansible_playbook:
    mapping: ansible.cloudify_ansible.workflows.reload_playbook
    parameters:
      node_instance_ids: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      playbook_path: { type: string, default: '' }
      sources: { default: '' }
      run_data: { default: {} }
      options_config: { default: {} }
      ansible_env_vars: { default: {} }
      start_at_task: { type: string, default: '' }
      tags: { type: list, default: [] }
`;
