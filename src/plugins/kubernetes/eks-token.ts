import { createHash, createHmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Checksum, SourceData } from '@smithy/types';

/** SHA-256 (and HMAC-SHA-256) from node:crypto, in the shape the signer wants. */
class NodeSha256 implements Checksum {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(this.secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function toBuffer(d: SourceData): Buffer {
  if (typeof d === 'string') return Buffer.from(d, 'utf8');
  if (ArrayBuffer.isView(d)) return Buffer.from(d.buffer, d.byteOffset, d.byteLength);
  return Buffer.from(d);
}

export interface EksToken {
  token: string;
  /** When to stop using it: tokens are accepted for 15 minutes; we refresh after 14. */
  expiresAt: Date;
}

export interface EksTokenRequest {
  clusterName: string;
  region: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** For tests: the signing time. */
  now?: Date;
}

/**
 * An EKS bearer token, as `aws eks get-token` makes it: `k8s-aws-v1.` + base64url (no padding) of
 * an STS GetCallerIdentity URL presigned (SigV4, 60 s) with the cluster name in the signed
 * `x-k8s-aws-id` header. The cluster's authenticator replays the URL to learn who is calling.
 * https://docs.aws.amazon.com/eks/latest/userguide/cluster-auth.html
 */
export async function eksToken(request: EksTokenRequest): Promise<EksToken> {
  const now = request.now ?? new Date();
  const hostname = `sts.${request.region}.amazonaws.com`;
  const signer = new SignatureV4({
    service: 'sts',
    region: request.region,
    credentials: request.credentials ?? defaultProvider(),
    sha256: NodeSha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: 'https:',
      hostname,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: hostname, 'x-k8s-aws-id': request.clusterName },
    },
    { expiresIn: 60, signingDate: now },
  );
  const query = Object.entries(signed.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  const url = `https://${hostname}/?${query}`;
  return { token: `k8s-aws-v1.${Buffer.from(url).toString('base64url')}`, expiresAt: new Date(now.getTime() + 14 * 60_000) };
}

const cache = new Map<string, EksToken>();

/** A cached token per cluster and region, refreshed before it expires. */
export async function cachedEksToken(clusterName: string, region: string): Promise<string> {
  const key = `${region}/${clusterName}`;
  const hit = cache.get(key);
  if (hit && hit.expiresAt.getTime() > Date.now()) return hit.token;
  const fresh = await eksToken({ clusterName, region });
  cache.set(key, fresh);
  return fresh.token;
}
