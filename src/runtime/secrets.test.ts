import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { LocalSecrets } from './secrets.js';
import { SecretsManagerSecrets } from './secrets-manager.js';
import { writeBlueprintFiles } from '../../test/support/blueprint-files.js';
import path from 'node:path';

describe('secrets for get_secret', () => {
  it('reads AWS Secrets Manager (prefixed names, JSON secrets parsed, missing ones undefined, values cached)', async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand, { SecretId: 'isthmus/db' }).resolves({ SecretString: '{"user":"app","password":"pw-123"}' });
    sm.on(GetSecretValueCommand, { SecretId: 'isthmus/token' }).resolves({ SecretString: 'plain-token' });
    sm.on(GetSecretValueCommand, { SecretId: 'isthmus/nope' }).rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }));
    const secrets = new SecretsManagerSecrets(new SecretsManagerClient({ region: 'us-east-1' }), 'isthmus/');
    expect(await secrets.get('db')).toEqual({ user: 'app', password: 'pw-123' });
    expect(await secrets.get('token')).toBe('plain-token');
    expect(await secrets.get('nope')).toBeUndefined();
    await secrets.get('db');
    expect(sm.commandCalls(GetSecretValueCommand, { SecretId: 'isthmus/db' })).toHaveLength(1);
    sm.restore();
  });

  it('writes AWS Secrets Manager secrets under the prefix, tagged; refuses an existing one unless told to overwrite; deletes without a recovery window', async () => {
    const sm = mockClient(SecretsManagerClient);
    const existing = new Set(['isthmus/taken']);
    sm.on(CreateSecretCommand).callsFake((input: { Name: string }) => {
      if (existing.has(input.Name)) throw new ResourceExistsException({ message: 'exists', $metadata: {} });
      existing.add(input.Name);
      return {};
    });
    sm.on(PutSecretValueCommand).resolves({});
    sm.on(DeleteSecretCommand).callsFake((input: { SecretId: string }) => {
      if (!existing.delete(input.SecretId)) throw new ResourceNotFoundException({ message: 'gone', $metadata: {} });
      return {};
    });
    const secrets = new SecretsManagerSecrets(new SecretsManagerClient({ region: 'us-east-1' }), 'isthmus/');
    await secrets.put('key_private', 'PEM');
    expect(sm.commandCalls(CreateSecretCommand)[0]!.args[0].input).toEqual({
      Name: 'isthmus/key_private',
      SecretString: 'PEM',
      Tags: [{ Key: 'isthmus:managed', Value: 'true' }],
    });
    await expect(secrets.put('taken', 'x')).rejects.toThrow("secret 'taken' already exists");
    await secrets.put('taken', 'x', { overwrite: true });
    expect(sm.commandCalls(PutSecretValueCommand)[0]!.args[0].input).toEqual({ SecretId: 'isthmus/taken', SecretString: 'x' });
    await secrets.delete('key_private');
    await secrets.delete('key_private');
    expect(sm.commandCalls(DeleteSecretCommand)[0]!.args[0].input).toEqual({ SecretId: 'isthmus/key_private', ForceDeleteWithoutRecovery: true });
    await expect(secrets.put('bad name$', 'x')).rejects.toThrow(/not a valid secret name/);
    sm.restore();
  });

  it('reads local secrets from the environment first, then the secrets file', async () => {
    const dir = writeBlueprintFiles({ 'secrets.yaml': 'db_password: from-file\napi: { key: k1 }\n' });
    const secrets = new LocalSecrets(path.join(dir, 'secrets.yaml'), { ISTHMUS_SECRET_DB_PASSWORD: 'from-env' });
    expect(await secrets.get('db_password')).toBe('from-env');
    expect(await secrets.get('api')).toEqual({ key: 'k1' });
    expect(await secrets.get('missing')).toBeUndefined();
  });
});
