import { RetryRequest } from '../../src/runtime/errors.js';
import type { InstanceView, NodeView, OperationContext } from '../../src/runtime/types.js';
import { parsePluginSettings } from '../../src/settings.js';

/**
 * A minimal operation context for calling a plugin's operation directly (no engine, no store):
 * one node and instance, log lines into `messages`, no other instances, an empty secret store.
 */
export function operationContext(
  options: {
    dir?: string;
    messages?: string[];
    node?: Partial<NodeView>;
    instance?: Partial<InstanceView>;
    operation?: Partial<OperationContext['operation']>;
  } = {},
): OperationContext {
  const messages = options.messages ?? [];
  const log = (m: string) => void messages.push(m);
  return {
    deployment: { id: 'd' },
    blueprint: { id: 'bp' },
    execution: { id: 'e1', workflowId: 'install' },
    node: { id: 'vm', type: 'cloudify.nodes.Root', typeHierarchy: ['cloudify.nodes.Root'], properties: {}, ...options.node },
    instance: { id: 'vm_1', nodeId: 'vm', state: 'initial', runtimeProperties: {}, ...options.instance },
    operation: { name: 'cloudify.interfaces.lifecycle.create', retryNumber: 0, maxRetries: 0, implementation: 'x.sh', ...options.operation },
    inputs: {},
    logger: { debug: log, info: log, warning: log, error: log },
    retry: (message, afterSeconds) => {
      throw new RetryRequest(message, afterSeconds);
    },
    blueprintDir: options.dir ?? '/nonexistent',
    settings: parsePluginSettings(process.env),
    signal: new AbortController().signal,
    relationships: [],
    evaluate: async (v) => v,
    readInstance: async () => undefined,
    readNode: () => undefined,
    readDeployment: async () => undefined,
    readExecution: async () => undefined,
    containsSecret: () => false,
    awaitChild: (request) => {
      throw new Error(`no driver here for child work: ${request.action}`);
    },
    secrets: { get: async () => undefined, put: async () => undefined, delete: async () => undefined },
  };
}
