import { ApiException } from '@kubernetes/client-node';
import { OperationError } from '../../runtime/errors.js';

interface StatusBody {
  message?: string;
  reason?: string;
  details?: { causes?: Array<{ field?: string; message?: string }> };
}

function statusOf(body: unknown): StatusBody {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as StatusBody;
    } catch {
      return { message: body.slice(0, 500) };
    }
  }
  return (body ?? {}) as StatusBody;
}

/** The HTTP status of a Kubernetes API failure (undefined for network errors). */
export function apiStatus(err: unknown): number | undefined {
  return err instanceof ApiException ? err.code : undefined;
}

/**
 * Maps a Kubernetes API failure to an operation error: an invalid object or refused credentials
 * will not fix themselves (non-recoverable, with the server's message and fields); conflicts,
 * throttling, server errors and network failures are recoverable.
 */
export function toOperationError(err: unknown, what: string): OperationError {
  if (err instanceof OperationError) return err;
  if (err instanceof ApiException) {
    const status = statusOf(err.body);
    const message = status.message ?? `HTTP ${err.code}`;
    const fields = (status.details?.causes ?? []).filter((c) => c.field).map((c) => `${c.field}: ${c.message ?? ''}`);
    const detail = fields.length > 0 && !fields.every((f) => message.includes(f)) ? ` (${fields.join('; ')})` : '';
    switch (err.code) {
      case 400:
      case 422:
        return new OperationError(`${what}: the API server refused it: ${message}${detail}`, false);
      case 401:
        return new OperationError(
          `${what}: unauthorized (401): the credentials in client_config were refused; check the token or kubeconfig, and that it has not expired`,
          false,
        );
      case 403:
        return new OperationError(
          `${what}: forbidden (403): ${message}; grant the identity Isthmus uses the RBAC rights it needs (or an EKS access entry)`,
          false,
        );
      case 404:
        return new OperationError(`${what}: not found (404): ${message}`, false);
      case 409:
        return new OperationError(`${what}: conflict (409): ${message}`, true);
      case 429:
        return new OperationError(`${what}: throttled by the API server (429)`, true);
      default:
        return new OperationError(`${what}: API server error ${err.code}: ${message}`, err.code >= 500);
    }
  }
  const e = err as Error & { code?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  const text = e.cause?.message ? `${e.message}: ${e.cause.message}` : e.message;
  // Discovery failures name an apiVersion/kind the cluster does not serve: a spec problem.
  if (/Unrecognized API version and kind/i.test(e.message ?? ''))
    return new OperationError(`${what}: ${e.message}; is the apiVersion right, and is the CRD that defines this kind installed?`, true);
  return new OperationError(`${what}: could not reach the Kubernetes API${code ? ` (${code})` : ''}: ${text}`, true);
}
