/**
 * The types of cloudify-helm-plugin (`plugin:cloudify-helm-plugin`), run natively with the real
 * `helm` (v4): releases, repositories, registries and the binary, with the plugin's type, property,
 * task and workflow names. Steps are stateless, so what Cloudify keeps in a helm home on the manager
 * (added repositories, registry logins) is recorded on the Repo and Registry nodes and replayed in the
 * fresh helm home of every Release operation related to them.
 */
export const HELM_TYPES_YAML = `
plugins:
  helm: { executor: central_deployment_agent, package_name: cloudify-helm-plugin }

data_types:
  cloudify.types.helm.HelmConfig:
    properties:
      executable_path: { type: string, default: '', required: false, description: 'helm to run (else ISTHMUS_HELM, the Lambda layer, the npm package, PATH)' }
  cloudify.types.helm.ApiOptions:
    properties:
      host: { type: string, required: false }
      api_key: { type: string, required: false }
      ssl_ca_cert: { type: string, required: false }
  cloudify.types.helm.ConfigurationVariant:
    properties:
      blueprint_file_name: { type: string, required: false }
      manager_file_path: { type: string, required: false }
      file_content: { required: false }
      api_options: { type: cloudify.types.helm.ApiOptions, required: false }
  cloudify.types.helm.AuthenticationVariant:
    properties:
      gcp_service_account: { required: false }
      aws_access_key_id: { type: string, required: false }
      aws_secret_access_key: { type: string, required: false }
      aws_default_region: { type: string, required: false }
  cloudify.types.helm.ClientConfig:
    properties:
      configuration: { type: cloudify.types.helm.ConfigurationVariant, required: false }
      authentication: { type: cloudify.types.helm.AuthenticationVariant, required: false }
  cloudify.types.helm.ReleaseConfig:
    properties:
      name: { type: string, description: 'the release name' }
      chart: { type: string, description: 'a chart directory or archive of the blueprint, repo/chart, oci://…, or a URL' }
      values_file: { type: string, default: '', required: false, description: 'a values file of the blueprint' }
      set_values: { default: [], required: false, description: '[{name, value}] for --set' }
      flags: { default: [], required: false, description: '[{name, value}] helm flags (namespace, version, wait, timeout …)' }
  cloudify.types.helm.RepoConfig:
    properties:
      name: { type: string }
      repo_url: { type: string }
      flags: { default: [], required: false }
  cloudify.types.helm.RegistryConfig:
    properties:
      host: { type: string, required: false, description: 'the registry host; with ecr, the token endpoint''s host when left out' }
      ecr: { type: dict, required: false, default: {}, description: '{aws_config: {aws_access_key_id, aws_secret_access_key, aws_default_region}, registry_id}: logs in with an ECR token' }
      flags: { default: [], required: false, description: '[{name: username, value}, {name: password, value}] …' }

node_types:

  cloudify.nodes.helm.Binary:
    derived_from: cloudify.nodes.SoftwareComponent
    properties:
      helm_config: { type: cloudify.types.helm.HelmConfig, required: false }
      use_existing_resource: { type: boolean, default: false }
      installation_source: { type: string, default: '', description: 'not downloaded: Isthmus provides helm' }
      max_sleep_time: { type: integer, default: 300 }
    interfaces:
      cloudify.interfaces.validation:
        check_status: helm.cloudify_helm.tasks.check_status_binary
        check_drift: helm.cloudify_helm.tasks.check_status_binary
      cloudify.interfaces.lifecycle:
        create: helm.cloudify_helm.tasks.install_binary
        poststart: helm.cloudify_helm.tasks.check_status_binary
        delete: helm.cloudify_helm.tasks.uninstall_binary

  cloudify.nodes.helm.Release:
    derived_from: cloudify.nodes.Root
    properties:
      helm_config: { type: cloudify.types.helm.HelmConfig, required: false }
      use_external_resource: { type: boolean, default: false }
      client_config: { type: cloudify.types.helm.ClientConfig, required: false }
      resource_config: { type: cloudify.types.helm.ReleaseConfig }
      max_sleep_time: { type: integer, default: 300 }
    interfaces:
      cloudify.interfaces.validation:
        check_status: helm.cloudify_helm.tasks.check_release_status
        check_drift: helm.cloudify_helm.tasks.check_release_drift
      cloudify.interfaces.lifecycle:
        start: { implementation: helm.cloudify_helm.tasks.install_release, inputs: { flags: { default: [] } } }
        poststart: helm.cloudify_helm.tasks.check_release_status
        delete: { implementation: helm.cloudify_helm.tasks.uninstall_release, inputs: { flags: { default: [] } } }
      helm:
        upgrade_release:
          implementation: helm.cloudify_helm.tasks.upgrade_release
          inputs:
            chart: { default: '' }
            flags: { default: [] }
            set_values: { default: [] }
            values_file: { default: '' }

  cloudify.nodes.helm.Repo:
    derived_from: cloudify.nodes.Root
    properties:
      helm_config: { type: cloudify.types.helm.HelmConfig, required: false }
      use_external_resource: { type: boolean, default: false }
      resource_config: { type: cloudify.types.helm.RepoConfig }
      max_sleep_time: { type: integer, default: 300 }
    interfaces:
      cloudify.interfaces.validation:
        check_status: helm.cloudify_helm.tasks.repo_list
        check_drift: helm.cloudify_helm.tasks.repo_check_drift
      cloudify.interfaces.lifecycle:
        start: { implementation: helm.cloudify_helm.tasks.add_repo, inputs: { flags: { default: [] } } }
        delete: { implementation: helm.cloudify_helm.tasks.remove_repo, inputs: { flags: { default: [] } } }
      helm:
        update_repo: { implementation: helm.cloudify_helm.tasks.update_repo, inputs: { flags: { default: [] } } }

  cloudify.nodes.helm.Registry:
    derived_from: cloudify.nodes.Root
    properties:
      helm_config: { type: cloudify.types.helm.HelmConfig, required: false }
      resource_config: { type: cloudify.types.helm.RegistryConfig }
      max_sleep_time: { type: integer, default: 300 }
    interfaces:
      cloudify.interfaces.validation:
        check_status: helm.cloudify_helm.tasks.check_ecr_status
      cloudify.interfaces.lifecycle:
        create: { implementation: helm.cloudify_helm.tasks.registry_login, inputs: { flags: { default: [] } } }
        delete: { implementation: helm.cloudify_helm.tasks.registry_logout, inputs: { flags: { default: [] } } }

relationships:
  cloudify.helm.relationships.run_on_host:
    derived_from: cloudify.relationships.connected_to
    source_interfaces:
      cloudify.interfaces.relationship_lifecycle:
        preconfigure: helm.cloudify_helm.tasks.inject_env_properties
  cloudify.relationships.helm.connected_to_shared_cluster:
    derived_from: cloudify.relationships.connected_to

workflows:
  update_repositories:
    mapping: helm.cloudify_helm.workflows.update_repositories
    parameters:
      node_instance_id: { type: string, default: '' }
      flags: { default: [] }
  upgrade_release:
    mapping: helm.cloudify_helm.workflows.upgrade_release
    parameters:
      node_instance_id: { type: string, default: '' }
      chart: { default: '' }
      flags: { default: [] }
      set_values: { default: [] }
      values_file: { default: '' }
`;
