import { Duration } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage.ts';

/**
 * The customer-managed keys for personal data (resident registration numbers and the like, SPEC §5),
 * used by functions/commons/pii.ts: `dataKey` issues the data keys that envelope-encrypt each field,
 * so a table export or backup never holds a clear value; `macKey` computes the keyed hash that makes
 * a value findable without decrypting anything.
 */
export class PiiKey extends Construct {
  readonly dataKey: Key;
  readonly macKey: Key;

  constructor(scope: Construct, id: string, props: { stage: StageConfig }) {
    super(scope, id);
    // Deleting either key makes every encrypted field (or every lookup hash) useless: keep them outside dev.
    const lifecycle = {
      removalPolicy: props.stage.removalPolicy,
      pendingWindow: Duration.days(props.stage.disposable ? 7 : 30),
    };
    this.dataKey = new Key(this, 'DataKey', {
      description: 'Field-level encryption of personal data (근로지원인 플랫폼)',
      keySpec: KeySpec.SYMMETRIC_DEFAULT,
      keyUsage: KeyUsage.ENCRYPT_DECRYPT,
      enableKeyRotation: true,
      ...lifecycle,
    });
    // No rotation: KMS rotates only symmetric encryption keys, and a new MAC key would change every
    // stored lookup hash.
    this.macKey = new Key(this, 'MacKey', {
      description: 'Keyed-hash lookups of personal data (근로지원인 플랫폼)',
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      ...lifecycle,
    });
  }

  /** Encrypt, decrypt and create data keys, plus the lookup MAC: exactly what pii.ts calls. */
  grantFieldEncryption(grantee: IGrantable): void {
    this.dataKey.grant(grantee, 'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey');
    this.macKey.grant(grantee, 'kms:GenerateMac', 'kms:VerifyMac');
  }
}
