import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { YamlValue } from '../dsl/index.js';

/** Where get_secret reads from: AWS Secrets Manager in AWS mode, a local file or the environment locally. */
export interface SecretsProvider {
  get(name: string): Promise<YamlValue | undefined>;
  /**
   * Stores a secret (the utilities plugin's key pairs and secrets.Writer). Without `overwrite`, an
   * existing secret of that name is an error (Cloudify's `secrets.create`).
   */
  put(name: string, value: string, options?: { overwrite?: boolean }): Promise<void>;
  /** Removes a secret; one already gone is fine. */
  delete(name: string): Promise<void>;
}

/** A secret name Isthmus will store: what AWS Secrets Manager and a YAML key both accept. */
export function checkSecretName(name: string): void {
  if (!/^[A-Za-z0-9/_+=.@-]{1,256}$/.test(name)) throw new Error(`'${name}' is not a valid secret name (letters, digits and /_+=.@- only)`);
}

/**
 * Local secrets: `ISTHMUS_SECRET_<NAME>` environment variables (name upper-cased, non-alphanumerics
 * as `_`) win over a YAML file of name → value (default `.isthmus/secrets.yaml`).
 */
export class LocalSecrets implements SecretsProvider {
  private cache: Record<string, YamlValue> | undefined;

  constructor(
    private readonly file?: string,
    /** The `ISTHMUS_SECRET_*` variables (settings.secretVariables); none by default. */
    private readonly env: Readonly<Record<string, string | undefined>> = {},
  ) {}

  private read(): Record<string, YamlValue> {
    this.cache ??= this.file && existsSync(this.file) ? ((parse(readFileSync(this.file, 'utf8')) ?? {}) as Record<string, YamlValue>) : {};
    return this.cache;
  }

  async get(name: string): Promise<YamlValue | undefined> {
    const envName = `ISTHMUS_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
    const fromEnv = this.env[envName];
    if (fromEnv !== undefined) return fromEnv;
    const all = this.read();
    return Object.hasOwn(all, name) ? all[name] : undefined;
  }

  async put(name: string, value: string, options: { overwrite?: boolean } = {}): Promise<void> {
    checkSecretName(name);
    if (!this.file) throw new Error('no secrets file to write to');
    const all = { ...this.read() };
    if (Object.hasOwn(all, name) && !options.overwrite) throw new Error(`secret '${name}' already exists`);
    all[name] = value;
    this.write(all);
  }

  async delete(name: string): Promise<void> {
    if (!this.file) return;
    const all = { ...this.read() };
    if (!Object.hasOwn(all, name)) return;
    delete all[name];
    this.write(all);
  }

  /** The whole file, readable by its owner only (it holds generated private keys). */
  private write(all: Record<string, YamlValue>): void {
    const file = this.file!;
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, stringify(all), { mode: 0o600 });
    renameSync(temp, file);
    this.cache = all;
  }
}

/**
 * A provider that reports every value it hands out, so the edge that prints (the action's log
 * masking, the PR comment) knows every secret the run read, wherever in the run it was read.
 */
export function observedSecrets(provider: SecretsProvider, onValue: (value: YamlValue) => void): SecretsProvider {
  return {
    async get(name) {
      const value = await provider.get(name);
      if (value !== undefined) onValue(value);
      return value;
    },
    async put(name, value, options) {
      onValue(value);
      await provider.put(name, value, options);
    },
    delete: (name) => provider.delete(name),
  };
}
