import { randomBytes } from 'node:crypto';
import { DecryptCommand, GenerateDataKeyCommand, GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField, kmsKeyProvider, localKeyProvider } from '#commons/pii';
import { maskName, maskPhone, maskRrn, rrnProblem } from '#commons/rrn';

const local = localKeyProvider(randomBytes(32).toString('base64'));

describe('field encryption (SPEC §5 privacy)', () => {
  it('round-trips any text and never stores the plaintext', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (value) => {
        const stored = await encryptField(local, value);
        expect(stored.startsWith('v1.')).toBe(true);
        if (value.length > 3) expect(stored).not.toContain(value);
        expect(await decryptField(local, stored)).toBe(value);
      }),
      { numRuns: 50 },
    );
  });

  it('uses a fresh IV per value, so equal numbers do not look equal at rest', async () => {
    const a = await encryptField(local, '9001011234567');
    const b = await encryptField(local, '9001011234567');
    expect(a).not.toBe(b);
  });

  it('rejects a tampered ciphertext', async () => {
    const stored = await encryptField(local, '9001011234567');
    const parts = stored.split('.');
    const body = Buffer.from(parts[3]!, 'base64');
    body[0] = body[0]! ^ 0xff;
    parts[3] = body.toString('base64');
    await expect(decryptField(local, parts.join('.'))).rejects.toThrow();
  });

  it('finds by keyed hash: same value same hash, another key another hash', async () => {
    const other = localKeyProvider(randomBytes(32).toString('base64'));
    expect(await local.mac('9001011234567')).toBe(await local.mac('9001011234567'));
    expect(await local.mac('9001011234567')).not.toBe(await other.mac('9001011234567'));
  });

  it('on AWS wraps data keys with KMS and hashes with the HMAC key', async () => {
    const kms = mockClient(KMSClient);
    const plaintext = randomBytes(32);
    kms.on(GenerateDataKeyCommand).resolves({ Plaintext: plaintext, CiphertextBlob: Buffer.from('wrapped') });
    kms.on(DecryptCommand).resolves({ Plaintext: plaintext });
    kms.on(GenerateMacCommand).resolves({ Mac: Buffer.from('mac') });
    const provider = kmsKeyProvider('key-1', 'mac-key-1');
    const stored = await encryptField(provider, '9001011234567');
    expect(await decryptField(provider, stored)).toBe('9001011234567');
    expect(await provider.mac('x')).toBe(Buffer.from('mac').toString('base64url'));
    expect(kms.commandCalls(GenerateMacCommand)[0]!.args[0].input.KeyId).toBe('mac-key-1');
    kms.restore();
  });
});

describe('resident numbers and masking', () => {
  it('masks as 900101-1******', () => {
    expect(maskRrn('900101-1234567')).toBe('900101-1******');
    expect(maskRrn('9001011234567')).toBe('900101-1******');
  });

  it('accepts real birth dates and refuses impossible ones with a Korean reason', () => {
    expect(rrnProblem('900101-1234567')).toBeUndefined();
    expect(rrnProblem('000229-3234567')).toBeUndefined();
    expect(rrnProblem('010229-3234567')).toMatch(/실제 날짜/);
    expect(rrnProblem('900101-9234567')).toMatch(/1~8/);
    expect(rrnProblem('90010112345')).toMatch(/13자리/);
  });

  it('masks phones and names', () => {
    expect(maskPhone('010-1234-5678')).toBe('010-****-5678');
    expect(maskName('홍길동')).toBe('홍*동');
    expect(maskName('남궁민수')).toBe('남**수');
    expect(maskName('김철')).toBe('김*');
  });
});
