import type { Identity } from '../identity/identity.ts';
import type { PiiKey } from '../security/pii-key.ts';
import type { StageConfig } from '../stage.ts';
import type { DocumentStore } from '../storage/buckets.ts';
import type { PlatformTable } from '../storage/table.ts';

/** The shared resources a function of the product may be granted parts of (see ServiceFunction.bindGrants). */
export interface PlatformResources {
  stage: StageConfig;
  table: PlatformTable;
  store: DocumentStore;
  piiKey: PiiKey;
  identity: Identity;
}
