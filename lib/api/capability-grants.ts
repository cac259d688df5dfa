import type { PlatformResources } from '../constructs/platform-resources.ts';
import type { ServiceFunction } from '../constructs/service-function.ts';

/**
 * Grants beyond the shared ones (ServiceFunction.bindPlatform) for the capabilities that need them,
 * keyed by capability name. A test checks that every key names a capability of CAPABILITIES.
 */
export const CAPABILITY_GRANTS: Record<string, (fn: ServiceFunction, resources: PlatformResources) => void> = {
  // Sign-up confirmation puts the person in their role's group and turns SMS MFA on; withdrawal deletes the login.
  identity: (fn, resources) => resources.identity.grantUserAdministration(fn),
};
