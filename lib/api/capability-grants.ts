import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { PlatformResources } from '../constructs/platform-resources.ts';
import type { ServiceFunction } from '../constructs/service-function.ts';
import { acknowledge } from '../nag.ts';

/** Product SMS (e.g. a staff account decision) through SNS, as functions/commons/sms-sink.ts sends them. */
function grantProductSms(fn: ServiceFunction): void {
  fn.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
  acknowledge(
    fn.role!,
    'AwsSolutions-IAM5[Resource::*]',
    'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (active tracing), and sns:Publish to a phone number (product SMS) cannot be scoped to a resource ARN.',
  );
}

/**
 * Grants beyond the shared ones (ServiceFunction.bindPlatform) for the capabilities that need them,
 * keyed by capability name. A test checks that every key names a capability of CAPABILITIES.
 */
export const CAPABILITY_GRANTS: Record<string, (fn: ServiceFunction, resources: PlatformResources) => void> = {
  // Sign-up confirmation puts the person in their role's group and turns SMS MFA on; withdrawal deletes the login.
  identity: (fn, resources) => {
    resources.identity.grantUserAdministration(fn);
    grantProductSms(fn);
  },
  // A worker learns by SMS that an assistant asked for their signature, or recorded a paper one.
  activity: (fn) => grantProductSms(fn),
  // The applicant hears of each step of a service application (B1) by SMS, and of the matching (B3).
  applications: (fn) => grantProductSms(fn),
  // An activity applicant hears the agency's decision by SMS (B4).
  assistants: (fn) => grantProductSms(fn),
  // The worker and the assistant hear of a new or ended matching by SMS (B3).
  matching: (fn) => grantProductSms(fn),
  // The assistant hears of a leave-promotion notice (D1, LSA §61) and of an issued pay slip (D2) by SMS.
  leave: (fn) => grantProductSms(fn),
  payroll: (fn) => grantProductSms(fn),
};
