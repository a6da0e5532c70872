import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { isYamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { NodeView, OperationContext } from '../../runtime/types.js';

/*
 * Reaching AWS from an operation, for every plugin that calls it (the AWS plugin, SSM): a node's
 * client_config in Cloudify's names, one cached SDK client per settings, AWS errors sorted into
 * retryable and not, and the waits between looks at something slow.
 */

const str = (v: YamlValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** How to reach AWS for a node: region, credentials (none = the step's own identity), endpoint. */
export interface AwsSettings {
  region: string;
  credentials?: AwsCredentialIdentity;
  endpoint?: string;
  maxAttempts?: number;
}

const assumed = new Map<string, AwsCredentialIdentity>();

async function assumeRole(roleArn: string, region: string, base: AwsCredentialIdentity | undefined, session: string): Promise<AwsCredentialIdentity> {
  const key = `${roleArn}\u0000${base?.accessKeyId ?? ''}`;
  const hit = assumed.get(key);
  if (hit?.expiration && hit.expiration.getTime() - Date.now() > 5 * 60_000) return hit;
  const sts = new STSClient({ region, ...(base ? { credentials: base } : {}) });
  const r = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: session.replace(/[^\w+=,.@-]/g, '-').slice(0, 64) }));
  const c = r.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new OperationError(`assuming ${roleArn} returned no credentials`, false);
  const creds: AwsCredentialIdentity = {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
    ...(c.Expiration ? { expiration: c.Expiration } : {}),
  };
  assumed.set(key, creds);
  return creds;
}

/** Reads client_config (Cloudify's names) with every function evaluated. */
export async function awsSettings(ctx: OperationContext, node: NodeView = ctx.node): Promise<AwsSettings> {
  const cc = (await ctx.evaluate(node.properties['client_config'] ?? null)) as YamlValue;
  const config = isYamlMap(cc) ? cc : {};
  const region = str(config['region_name']) ?? ctx.settings.defaultRegion;
  if (!region) throw new OperationError(`node '${node.id}': no AWS region; set client_config.region_name or AWS_REGION`, false);
  const keyId = str(config['aws_access_key_id']);
  const secret = str(config['aws_secret_access_key']);
  if ((keyId && !secret) || (!keyId && secret))
    throw new OperationError(
      `node '${node.id}': client_config needs both aws_access_key_id and aws_secret_access_key, or neither (to use the step's role)`,
      false,
    );
  let credentials: AwsCredentialIdentity | undefined =
    keyId && secret
      ? { accessKeyId: keyId, secretAccessKey: secret, ...(str(config['aws_session_token']) ? { sessionToken: str(config['aws_session_token'])! } : {}) }
      : undefined;
  const role = str(config['assume_role']);
  if (role) credentials = await assumeRole(role, region, credentials, `isthmus-${ctx.deployment.id}`);
  const additional = isYamlMap(config['additional_config']) ? config['additional_config'] : {};
  const retries = isYamlMap(additional['retries']) ? additional['retries'] : {};
  const maxAttempts = typeof retries['max_attempts'] === 'number' ? retries['max_attempts'] : undefined;
  const endpoint = str(config['endpoint_url']);
  return { region, ...(credentials ? { credentials } : {}), ...(endpoint ? { endpoint } : {}), ...(maxAttempts ? { maxAttempts } : {}) };
}

type ClientConstructor<C> = new (config: { region: string; credentials?: AwsCredentialIdentity; endpoint?: string; maxAttempts?: number }) => C;
const clients = new Map<string, unknown>();

/** One SDK client per service and settings, reused across operations of a warm runtime. */
export function clientFor<C>(ctor: ClientConstructor<C>, settings: AwsSettings): C {
  const key = `${ctor.name}\u0000${settings.region}\u0000${settings.endpoint ?? ''}\u0000${settings.credentials?.accessKeyId ?? ''}\u0000${settings.credentials?.sessionToken ?? ''}\u0000${settings.maxAttempts ?? ''}`;
  let client = clients.get(key) as C | undefined;
  if (!client) {
    if (clients.size >= 64) clients.delete(clients.keys().next().value!);
    client = new ctor({
      region: settings.region,
      ...(settings.credentials ? { credentials: settings.credentials } : {}),
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.maxAttempts ? { maxAttempts: settings.maxAttempts } : {}),
    });
    clients.set(key, client);
  }
  return client;
}

/** For tests: forget cached clients (aws-sdk-client-mock patches the class prototypes, so reuse is fine). */
export function forgetAwsClients(): void {
  clients.clear();
  assumed.clear();
}

/** The AWS error code (the SDK's exception name). */
export function errorCode(err: unknown): string {
  const e = err as { name?: string; Code?: string; code?: string };
  return e.Code ?? e.name ?? e.code ?? 'Error';
}

const RECOVERABLE =
  /Throttl|TooManyRequests|RequestLimitExceeded|ServiceUnavailable|InternalError|InternalFailure|ServerException|RequestTimeout|Timeout|ECONNRESET|ECONNREFUSED|EAI_AGAIN|ResourceInUse|DependencyViolation|IncorrectState|ConcurrentModification|ResourceLimitExceeded|InvalidPermission\.Malformed$/;

/** Wraps an SDK failure: throttling and transient states retry; bad parameters and permissions fail at once. */
export function awsError(err: unknown, doing: string): OperationError {
  if (err instanceof OperationError) return err;
  const code = errorCode(err);
  const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const message = (err as Error).message ?? String(err);
  const recoverable = RECOVERABLE.test(code) || (status !== undefined && status >= 500);
  return new OperationError(`${doing}: ${code}: ${message}`, recoverable, { cause: err });
}

/** Calls AWS; an error with one of `absent` codes means the thing is not there (returns undefined). */
export async function call<T>(doing: string, fn: () => Promise<T>, absent: string[] = []): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    if (absent.includes(errorCode(err))) return undefined;
    throw awsError(err, doing);
  }
}

/** Like call, when absence is not expected. */
export async function must<T>(doing: string, fn: () => Promise<T>): Promise<T> {
  return (await call(doing, fn)) as T;
}

/**
 * How long to wait before looking again at something slow (an EKS cluster takes ~15 min): 30 s,
 * doubling to 3 min, so the default 10 retries cover ~25 min. ISTHMUS_AWS_WAIT_SCALE shrinks the
 * waits for local runs against mocks.
 */
export function waitSeconds(ctx: OperationContext, first = 30, cap = 180): number {
  return Math.min(cap, first * 2 ** Math.min(ctx.operation.retryNumber, 6)) * ctx.settings.awsWaitScale;
}
