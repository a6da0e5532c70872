/**
 * Points every Kubernetes node at one cluster whatever its blueprint says (`--sandbox`). A module
 * of its own so the CLI can name it without loading the Kubernetes client.
 */
export const KUBECONFIG_OVERRIDE_ENV = 'ISTHMUS_KUBECONFIG_OVERRIDE';
