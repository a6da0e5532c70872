import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { parse } from 'yaml';
import type { YamlValue } from '../dsl/index.js';
import { checkSecretName, type SecretsProvider } from './secrets.js';

/**
 * get_secret in AWS mode: AWS Secrets Manager, secret names optionally prefixed (e.g.
 * `isthmus/`). JSON secret strings are parsed, so `{get_secret: [db, password]}` can reach into
 * them. Values are cached for the life of a warm Lambda container, at most `ttlMs`.
 */
export class SecretsManagerSecrets implements SecretsProvider {
  private readonly cache = new Map<string, { value: YamlValue | undefined; at: number }>();

  constructor(
    private readonly client: SecretsManagerClient = new SecretsManagerClient({}),
    private readonly prefix = '',
    private readonly ttlMs = 5 * 60_000,
  ) {}

  async get(name: string): Promise<YamlValue | undefined> {
    const hit = this.cache.get(name);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    let value: YamlValue | undefined;
    try {
      const r = await this.client.send(new GetSecretValueCommand({ SecretId: `${this.prefix}${name}` }));
      const text = r.SecretString ?? (r.SecretBinary ? Buffer.from(r.SecretBinary).toString('utf8') : undefined);
      value = text === undefined ? undefined : parseSecret(text);
    } catch (err) {
      if (!(err instanceof ResourceNotFoundException)) throw err;
      value = undefined;
    }
    this.cache.set(name, { value, at: Date.now() });
    return value;
  }

  /** Created under the prefix, tagged as Isthmus's (the step role may only create and delete such secrets). */
  async put(name: string, value: string, options: { overwrite?: boolean } = {}): Promise<void> {
    checkSecretName(name);
    const id = `${this.prefix}${name}`;
    try {
      await this.client.send(new CreateSecretCommand({ Name: id, SecretString: value, Tags: [{ Key: 'isthmus:managed', Value: 'true' }] }));
    } catch (err) {
      if (!(err instanceof ResourceExistsException)) throw err;
      if (!options.overwrite) throw new Error(`secret '${name}' already exists`);
      await this.client.send(new PutSecretValueCommand({ SecretId: id, SecretString: value }));
    }
    this.cache.delete(name);
  }

  /** Deleted at once, without a recovery window, so that the name can be used again (a reinstall). */
  async delete(name: string): Promise<void> {
    try {
      await this.client.send(new DeleteSecretCommand({ SecretId: `${this.prefix}${name}`, ForceDeleteWithoutRecovery: true }));
    } catch (err) {
      if (!(err instanceof ResourceNotFoundException)) throw err;
    }
    this.cache.delete(name);
  }
}

function parseSecret(text: string): YamlValue {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return parse(trimmed) as YamlValue;
    } catch {
      return text;
    }
  }
  return text;
}
