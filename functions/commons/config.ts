// Configuration read from the environment. Fails fast: a missing variable is a deployment bug,
// never something to paper over with a default.
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

export function optionalEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Names of the environment variables the CDK and the local stack both set. Defined once. */
export const ENV = {
  tableName: 'TABLE_NAME',
  documentsBucket: 'DOCUMENTS_BUCKET',
  uploadsBucket: 'UPLOADS_BUCKET',
  userPoolId: 'USER_POOL_ID',
  userPoolClientId: 'USER_POOL_CLIENT_ID',
  piiKeyId: 'PII_KEY_ID',
  /** HMAC key for keyed-hash lookups of personal data (functions/commons/pii.ts) */
  piiMacKeyId: 'PII_MAC_KEY_ID',
  stage: 'STAGE',
} as const;
