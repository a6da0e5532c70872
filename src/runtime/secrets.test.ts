import { GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
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

  it('reads local secrets from the environment first, then the secrets file', async () => {
    const dir = writeBlueprintFiles({ 'secrets.yaml': 'db_password: from-file\napi: { key: k1 }\n' });
    const secrets = new LocalSecrets(path.join(dir, 'secrets.yaml'), { ISTHMUS_SECRET_DB_PASSWORD: 'from-env' });
    expect(await secrets.get('db_password')).toBe('from-env');
    expect(await secrets.get('api')).toEqual({ key: 'k1' });
    expect(await secrets.get('missing')).toBeUndefined();
  });
});
