import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { DecryptCommand, GenerateDataKeyCommand, GenerateMacCommand } from '@aws-sdk/client-kms';
import { kmsClient } from './clients.ts';
import { optionalEnv, requireEnv } from './config.ts';

/**
 * Field-level encryption of personal data (resident registration numbers, 주민등록번호).
 * Envelope encryption: a data key from KMS (on AWS) or from a local master key (local stack)
 * encrypts each value with AES-256-GCM; the wrapped data key travels with the ciphertext.
 * A keyed hash (HMAC-SHA256) makes a value findable without decrypting anything.
 */
export interface KeyProvider {
  /** a fresh data key: the plaintext for this process, the wrapped form to store */
  newDataKey(): Promise<{ plaintext: Buffer; wrapped: Buffer }>;
  unwrap(wrapped: Buffer): Promise<Buffer>;
  /** keyed hash for lookups; the key never leaves the provider */
  mac(value: string): Promise<string>;
}

const VERSION = 'v1';

export async function encryptField(provider: KeyProvider, value: string): Promise<string> {
  const key = await cachedDataKey(provider);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.plaintext, iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, key.wrapped.toString('base64'), iv.toString('base64'), body.toString('base64')].join('.');
}

export async function decryptField(provider: KeyProvider, stored: string): Promise<string> {
  const [version, wrapped, iv, body] = stored.split('.');
  if (version !== VERSION || !wrapped || !iv || !body) throw new Error('Unrecognised encrypted field format');
  const key = await provider.unwrap(Buffer.from(wrapped, 'base64'));
  const bytes = Buffer.from(body, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
}

// One data key per process (cold start) keeps KMS calls off the hot path; the key is rotated with
// every new Lambda environment.
const dataKeys = new WeakMap<KeyProvider, Promise<{ plaintext: Buffer; wrapped: Buffer }>>();
function cachedDataKey(provider: KeyProvider) {
  let key = dataKeys.get(provider);
  if (!key) {
    key = provider.newDataKey();
    dataKeys.set(provider, key);
  }
  return key;
}

/** The local stack's provider: a 32-byte master key (base64) from the environment wraps data keys. */
export function localKeyProvider(masterKeyBase64: string): KeyProvider {
  const master = Buffer.from(masterKeyBase64, 'base64');
  if (master.length !== 32) throw new Error('PII_LOCAL_KEY must be 32 bytes, base64-encoded');
  return {
    async newDataKey() {
      const plaintext = randomBytes(32);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', master, iv);
      const wrapped = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
      return { plaintext, wrapped };
    },
    async unwrap(wrapped) {
      const decipher = createDecipheriv('aes-256-gcm', master, wrapped.subarray(0, 12));
      decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
      return Buffer.concat([decipher.update(wrapped.subarray(12, wrapped.length - 16)), decipher.final()]);
    },
    async mac(value) {
      return createHmac('sha256', master).update(`mac:${value}`).digest('base64url');
    },
  };
}

/** AWS: a symmetric KMS key for data keys and an HMAC KMS key for lookups. */
export function kmsKeyProvider(keyId: string, macKeyId: string): KeyProvider {
  return {
    async newDataKey() {
      const out = await kmsClient().send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
      return { plaintext: Buffer.from(out.Plaintext!), wrapped: Buffer.from(out.CiphertextBlob!) };
    },
    async unwrap(wrapped) {
      const out = await kmsClient().send(new DecryptCommand({ CiphertextBlob: wrapped, KeyId: keyId }));
      return Buffer.from(out.Plaintext!);
    },
    async mac(value) {
      const out = await kmsClient().send(
        new GenerateMacCommand({ KeyId: macKeyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(value, 'utf8') }),
      );
      return Buffer.from(out.Mac!).toString('base64url');
    },
  };
}

let defaultProvider: KeyProvider | undefined;
/** The provider this environment uses: the local key when PII_LOCAL_KEY is set, KMS otherwise. */
export function piiKeys(): KeyProvider {
  if (!defaultProvider) {
    const localKey = optionalEnv('PII_LOCAL_KEY');
    defaultProvider = localKey
      ? localKeyProvider(localKey)
      : kmsKeyProvider(requireEnv('PII_KEY_ID'), requireEnv('PII_MAC_KEY_ID'));
  }
  return defaultProvider;
}
