import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { importSPKI, jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AKS_AAD_SERVER_APP, azureAksToken, forgetCloudTokens, gcpAccessToken } from '../src/plugins/kubernetes/cloud-tokens.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { HEADER } from './support/blueprint-files.js';
import { createHarness } from './support/engine.js';

/**
 * GKE and AKS credentials minted natively against local fake token endpoints (Google's JWT-bearer
 * grant, Azure AD's client credentials), and a Kubernetes node installing through one of them on a
 * sandbox that accepts only the minted token.
 */
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const spki = publicKey.export({ type: 'spki', format: 'pem' }).toString();

interface Seen {
  path: string;
  form: URLSearchParams;
}
let server: Server;
let base: string;
const seen: Seen[] = [];
let refuse = false;
const readForm = async (req: IncomingMessage) => {
  let body = '';
  for await (const c of req) body += c;
  return new URLSearchParams(body);
};
beforeAll(async () => {
  server = createServer((req, res) => {
    void readForm(req).then((form) => {
      seen.push({ path: req.url ?? '', form });
      res.setHeader('content-type', 'application/json');
      if (refuse) return res.writeHead(400).end(JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid JWT signature.' }));
      const token = req.url?.includes('oauth2/v2.0') ? 'aks-token' : 'ya29.gke-token';
      res.end(JSON.stringify({ access_token: token, expires_in: 3599, token_type: 'Bearer' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
afterEach(() => {
  seen.length = 0;
  refuse = false;
  forgetCloudTokens();
});

const serviceAccount = () =>
  JSON.stringify({
    type: 'service_account',
    client_email: 'deployer@shop.iam.gserviceaccount.com',
    private_key: pem,
    private_key_id: 'k1',
    token_uri: `${base}/token`,
  });

describe('GKE and AKS tokens', () => {
  it("GCP: the key signs a JWT-bearer assertion (RS256, the key's email, the token_uri as audience, cloud-platform scope) and the token is cached", async () => {
    expect(await gcpAccessToken(serviceAccount(), 'test')).toBe('ya29.gke-token');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const { payload, protectedHeader } = await jwtVerify(seen[0]!.form.get('assertion')!, await importSPKI(spki, 'RS256'), {
      audience: `${base}/token`,
      issuer: 'deployer@shop.iam.gserviceaccount.com',
    });
    expect(payload['scope']).toBe('https://www.googleapis.com/auth/cloud-platform');
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: 'k1' });
    expect(await gcpAccessToken(serviceAccount(), 'test')).toBe('ya29.gke-token');
    expect(seen).toHaveLength(1);
  });

  it('Azure: client credentials for the AKS AAD server application, at the tenant of the authority given', async () => {
    expect(
      await azureAksToken({ tenant_id: 'contoso.onmicrosoft.com', client_id: 'app-1', client_secret: 's3cret', endpoints_active_directory: base }, 'test'),
    ).toBe('aks-token');
    expect(seen[0]!.path).toBe('/contoso.onmicrosoft.com/oauth2/v2.0/token');
    expect(Object.fromEntries(seen[0]!.form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'app-1',
      client_secret: 's3cret',
      scope: `${AKS_AAD_SERVER_APP}/.default`,
    });
  });

  it('refusals say why; a key is never sent over plain http beyond loopback; incomplete settings fail before any request', async () => {
    refuse = true;
    await expect(gcpAccessToken(serviceAccount(), 'node gke')).rejects.toThrow(
      /node gke: GCP token for deployer@.*: the token endpoint refused: Invalid JWT signature\./,
    );
    await expect(gcpAccessToken(JSON.stringify({ ...JSON.parse(serviceAccount()), token_uri: 'http://tokens.example.com/token' }), 'x')).rejects.toThrow(
      /must be https/,
    );
    await expect(azureAksToken({ tenant_id: 't', client_id: 'c' }, 'x')).rejects.toThrow(/needs tenant_id, client_id and client_secret/);
    await expect(gcpAccessToken('not json', 'x')).rejects.toThrow(/not the JSON of a service-account key/);
  });
});

describe('a Kubernetes node on a GKE-style cluster (the sandbox accepting only the minted token)', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ tokens: { 'ya29.gke-token': 'admin' }, timing: { podReadyMs: 30 } });
  });
  afterAll(async () => sb?.close());

  it('installs a ConfigMap through client_config.authentication.gcp_service_account', async () => {
    const h = await createHarness({ maxRetries: 0, secrets: { gke_key: serviceAccount() } });
    const dep = await h.deploy(
      `${HEADER}  - plugin:cloudify-kubernetes-plugin
node_templates:
  settings:
    type: cloudify.kubernetes.resources.ConfigMap
    properties:
      client_config:
        configuration: { api_options: { host: '${sb.url}', verify_ssl: false } }
        authentication: { gcp_service_account: { get_secret: gke_key } }
      definition: { apiVersion: v1, kind: ConfigMap, metadata: { name: from-gke }, data: { a: '1' } }
`,
      'gke',
    );
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    expect(sb.api.get(sb.api.catalog.byKind('', 'ConfigMap')!, 'default', 'from-gke')['data']).toEqual({ a: '1' });
    expect(seen.length).toBeGreaterThan(0);
  }, 60_000);
});
