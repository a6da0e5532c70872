import { importPKCS8, SignJWT } from 'jose';
import { isYamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';

/*
 * Bearer tokens for managed clusters of other clouds, minted natively (no gcloud or az CLI in a
 * Lambda), as Cloudify's Kubernetes plugin's `authentication` variants ask:
 *   - gcp_service_account: the service-account key (JSON) signs a JWT (RS256, with jose) that its
 *     token_uri exchanges for an OAuth access token (the JWT-bearer grant) — what GKE accepts;
 *   - azure_service_account: Azure AD's client-credentials grant for the AKS AAD server application,
 *     whose token an AAD-enabled AKS cluster accepts.
 * Tokens are cached until a minute before they expire. Token endpoints must be HTTPS (loopback
 * excepted, for tests), so a key is never sent in the clear.
 */

const GCP_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const GCP_TOKEN_URI = 'https://oauth2.googleapis.com/token';
/** The application id of AKS's Azure AD server (the `scope` an AKS user token is minted for). */
export const AKS_AAD_SERVER_APP = '6dae42f8-4368-4678-94ff-3960e28e3630';
const AZURE_AUTHORITY = 'https://login.microsoftonline.com';

const cache = new Map<string, { token: string; expiresAt: number }>();

function checkEndpoint(url: string, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OperationError(`${what} '${url}' is not a URL`, false);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(loopback && parsed.protocol === 'http:')) throw new OperationError(`${what} '${url}' must be https`, false);
  return parsed;
}

async function postForm(url: string, form: Record<string, string>, what: string): Promise<{ token: string; expiresIn: number }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    throw new OperationError(`${what}: cannot reach ${new URL(url).origin} (${(err as Error).message})`, true);
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok || typeof body['access_token'] !== 'string') {
    const reason =
      typeof body['error_description'] === 'string' ? body['error_description'] : typeof body['error'] === 'string' ? body['error'] : `HTTP ${res.status}`;
    throw new OperationError(`${what}: the token endpoint refused: ${reason.split('\n')[0]}`, res.status >= 500);
  }
  return { token: body['access_token'], expiresIn: Number(body['expires_in'] ?? 3600) };
}

async function cached(key: string, mint: () => Promise<{ token: string; expiresIn: number }>): Promise<string> {
  const hit = cache.get(key);
  if (hit && hit.expiresAt > Date.now() + 60_000) return hit.token;
  const { token, expiresIn } = await mint();
  if (cache.size >= 32) cache.delete(cache.keys().next().value!);
  cache.set(key, { token, expiresAt: Date.now() + expiresIn * 1000 });
  return token;
}

/** A GKE-usable OAuth access token from a service-account key (its JSON text, or the parsed object). */
export async function gcpAccessToken(serviceAccount: YamlValue, source: string): Promise<string> {
  let key: Record<string, unknown>;
  try {
    key = (typeof serviceAccount === 'string' ? JSON.parse(serviceAccount) : serviceAccount) as Record<string, unknown>;
  } catch {
    throw new OperationError(`${source}: gcp_service_account is not the JSON of a service-account key`, false);
  }
  if (!isYamlMap(key as YamlValue) || typeof key['client_email'] !== 'string' || typeof key['private_key'] !== 'string')
    throw new OperationError(`${source}: gcp_service_account needs client_email and private_key (a service-account key file's content)`, false);
  const tokenUri = checkEndpoint(typeof key['token_uri'] === 'string' ? key['token_uri'] : GCP_TOKEN_URI, `${source}: token_uri`).toString();
  const email = key['client_email'];
  const pem = key['private_key'];
  return cached(`gcp:${email}:${tokenUri}`, async () => {
    let signing: Awaited<ReturnType<typeof importPKCS8>>;
    try {
      signing = await importPKCS8(pem, 'RS256');
    } catch (err) {
      throw new OperationError(`${source}: the service-account private_key cannot be read (${(err as Error).message})`, false);
    }
    const assertion = await new SignJWT({ scope: GCP_SCOPE })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(typeof key['private_key_id'] === 'string' ? { kid: key['private_key_id'] } : {}) })
      .setIssuer(email)
      .setAudience(tokenUri)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(signing);
    return postForm(tokenUri, { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }, `${source}: GCP token for ${email}`);
  });
}

/** An AKS user token (Azure AD client credentials) for an AAD-enabled cluster. */
export async function azureAksToken(serviceAccount: YamlValue, source: string): Promise<string> {
  if (!isYamlMap(serviceAccount)) throw new OperationError(`${source}: azure_service_account must be a mapping (tenant_id, client_id, client_secret)`, false);
  const tenant = serviceAccount['tenant_id'];
  const clientId = serviceAccount['client_id'];
  const secret = serviceAccount['client_secret'];
  if (typeof tenant !== 'string' || !tenant || typeof clientId !== 'string' || !clientId || typeof secret !== 'string' || !secret)
    throw new OperationError(`${source}: azure_service_account needs tenant_id, client_id and client_secret`, false);
  if (!/^[A-Za-z0-9.-]+$/.test(tenant)) throw new OperationError(`${source}: tenant_id '${tenant}' is not a tenant id or domain`, false);
  const authority = checkEndpoint(
    typeof serviceAccount['endpoints_active_directory'] === 'string' && serviceAccount['endpoints_active_directory']
      ? serviceAccount['endpoints_active_directory']
      : AZURE_AUTHORITY,
    `${source}: endpoints_active_directory`,
  );
  const url = new URL(`${authority.pathname.replace(/\/$/, '')}/${tenant}/oauth2/v2.0/token`, authority).toString();
  return cached(`azure:${tenant}:${clientId}:${url}`, () =>
    postForm(
      url,
      { grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope: `${AKS_AAD_SERVER_APP}/.default` },
      `${source}: Azure AD token for ${clientId}`,
    ),
  );
}

/** Forgets cached tokens (tests). */
export function forgetCloudTokens(): void {
  cache.clear();
}
