/** A Kubernetes `Status` failure, as the API server returns it. */
export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  500: 'InternalError',
};

export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly reason: string = REASONS[code] ?? 'Unknown',
    readonly details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] },
  ) {
    super(message);
  }

  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

export const notFound = (_kind: string, plural: string, group: string, name: string) =>
  new ApiError(404, `${group ? `${plural}.${group}` : plural} "${name}" not found`, 'NotFound', { name, group, kind: plural });

export const alreadyExists = (plural: string, group: string, name: string) =>
  new ApiError(409, `${group ? `${plural}.${group}` : plural} "${name}" already exists`, 'AlreadyExists', { name, group, kind: plural });

export const invalid = (kind: string, name: string, group: string, causes: StatusCause[]) =>
  new ApiError(
    422,
    `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)).join(', ')}`,
    'Invalid',
    { name, group, kind, causes },
  );
