/**
 * Isthmus's hybrid type library, imported as `plugin:isthmus-hybrid`: what will not move into
 * containers, in the same workflow — HTTP-managed appliances and services (plugin `http`), and
 * Windows or Linux servers reached through AWS Systems Manager (plugin `ssm`), on EC2 or on
 * premises (hybrid activations).
 */
export const HYBRID_TYPES_YAML = `
plugins:
  http:
    executor: central_deployment_agent
    package_name: isthmus-hybrid
  ssm:
    executor: central_deployment_agent
    package_name: isthmus-hybrid

node_types:

  isthmus.nodes.http.Endpoint:
    derived_from: cloudify.nodes.Root
    description: >
      A REST API. Each lifecycle operation you give it (implementation http.request) makes one
      call: inputs method, path (or url), headers, body, expected_status, extract, timeout;
      strings may use {{ name }} for runtime properties and inputs.
    properties:
      base_url: { type: string, default: '', description: 'Prefix of every path.' }
      headers: { default: {}, description: 'Headers of every call.' }
      token: { type: string, default: '', description: 'Bearer token (use get_secret).' }
      timeout: { type: integer, default: 30, description: 'Seconds per call.' }

  isthmus.nodes.ssm.Host:
    derived_from: cloudify.nodes.Root
    description: >
      A server managed by AWS Systems Manager. Operations with implementation ssm.run_commands
      run their commands input there (PowerShell on windows, shell otherwise).
    properties:
      client_config: { required: false, description: 'region_name and optional credentials (Cloudify AWS names).' }
      instance_ids: { type: list, default: [], description: 'Managed instance ids (i-… or mi-…).' }
      target_tags: { default: {}, description: 'Or select instances by tags: {Role: [web]}.' }
      platform: { type: string, default: linux, constraints: [ { valid_values: [ linux, windows ] } ] }
      timeout: { type: integer, default: 600, description: 'Seconds each command may run.' }

  isthmus.nodes.windows.Service:
    derived_from: isthmus.nodes.ssm.Host
    description: >
      A Windows service on managed instances: installed (create), given its configuration as
      environment values (configure), started, stopped, removed, and checked (check_status).
    properties:
      platform: { type: string, default: windows }
      service_name: { type: string }
      binary_path: { type: string, default: '', description: 'The service executable and arguments.' }
      display_name: { type: string, required: false }
      configuration: { default: {}, description: 'Settings handed to the service, e.g. a backend address from get_attribute.' }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: ssm.windows_service
        configure: ssm.windows_service
        start: ssm.windows_service
        stop: ssm.windows_service
        delete: ssm.windows_service
      cloudify.interfaces.validation:
        check_status: ssm.windows_service
        check_drift: ssm.windows_service
`;
