/**
 * Where `get_secret NAME` looks in AWS Secrets Manager: `isthmus/NAME` unless ISTHMUS_SECRETS_PREFIX
 * says otherwise. The driver and the step Lambda must agree, and infra/ grants exactly this prefix.
 */
export function secretsPrefix(env: NodeJS.ProcessEnv = process.env): string {
  return env['ISTHMUS_SECRETS_PREFIX'] ?? 'isthmus/';
}
