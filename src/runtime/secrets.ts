import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { YamlValue } from '../dsl/index.js';

/** Where get_secret reads from: AWS Secrets Manager in AWS mode, a local file or the environment locally. */
export interface SecretsProvider {
  get(name: string): Promise<YamlValue | undefined>;
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

  async get(name: string): Promise<YamlValue | undefined> {
    const envName = `ISTHMUS_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
    const fromEnv = this.env[envName];
    if (fromEnv !== undefined) return fromEnv;
    if (!this.cache) {
      this.cache = this.file && existsSync(this.file) ? ((parse(readFileSync(this.file, 'utf8')) ?? {}) as Record<string, YamlValue>) : {};
    }
    return Object.hasOwn(this.cache, name) ? this.cache[name] : undefined;
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
  };
}
