import { Duration } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage.ts';

/** What a function does with resident numbers (FunctionGrants.residentNumbers). */
export type ResidentNumberUse = 'encrypt' | 'decrypt' | 'lookup';

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

  /**
   * What functions/commons/pii.ts calls for each use, and nothing else: `encrypt` asks the data key for
   * a data key (kms:GenerateDataKey; the field is then sealed locally with AES-256-GCM), `decrypt`
   * unwraps one (kms:Decrypt), `lookup` computes the keyed hash a resident number is found by
   * (kms:GenerateMac on the MAC key). Only functions that handle resident numbers are given any of these.
   */
  grantResidentNumbers(grantee: IGrantable, uses: readonly ResidentNumberUse[]): void {
    const dataKeyActions = [
      ...(uses.includes('encrypt') ? ['kms:GenerateDataKey'] : []),
      ...(uses.includes('decrypt') ? ['kms:Decrypt'] : []),
    ];
    if (dataKeyActions.length > 0) this.dataKey.grant(grantee, ...dataKeyActions);
    if (uses.includes('lookup')) this.macKey.grant(grantee, 'kms:GenerateMac');
  }
}
