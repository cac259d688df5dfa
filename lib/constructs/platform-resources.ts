import type { Identity } from '../identity/identity.ts';
import type { PiiKey } from '../security/pii-key.ts';
import type { StageConfig } from '../stage.ts';
import type { DocumentStore } from '../storage/buckets.ts';
import type { PlatformTable } from '../storage/table.ts';

/** The shared resources every function of the product is bound to (see ServiceFunction.bindPlatform). */
export interface PlatformResources {
  stage: StageConfig;
  table: PlatformTable;
  store: DocumentStore;
  piiKey: PiiKey;
  identity: Identity;
}
