import { Duration, Stack } from 'aws-cdk-lib';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import type { Capability } from '#commons/http/route';
import { CAPABILITY_GRANTS } from '../api/capability-grants.ts';
import type { CapabilityGrants, FunctionGrants } from '../constructs/function-grants.ts';
import type { PlatformResources } from '../constructs/platform-resources.ts';
import { ServiceFunction } from '../constructs/service-function.ts';
import { acknowledge } from '../nag.ts';

export interface UploadTriggersProps {
  resources: PlatformResources;
  capabilities: Capability[];
  /** what each upload handler may reach; CAPABILITY_GRANTS unless a test brings its own */
  grants?: Record<string, CapabilityGrants>;
}

/**
 * A function per capability that declares `uploadEvents`, invoked by the uploads bucket's Object
 * Created notification for its key prefix (e.g. an attendance file starts its import). Asynchronous
 * invocation: S3 retries a failed one, and the handlers are idempotent per object.
 */
export class UploadTriggers extends Construct {
  readonly functions = new Map<string, ServiceFunction>();

  constructor(scope: Construct, id: string, props: UploadTriggersProps) {
    super(scope, id);
    const { resources } = props;
    for (const capability of props.capabilities) {
      if (!capability.uploadEvents) continue;
      const fn = new ServiceFunction(this, `${capability.name}-Uploads`, {
        entry: capability.uploadEvents.entry,
        serviceName: capability.name,
        description: `Imports ${capability.name} files as they land under ${capability.uploadEvents.keyPrefix}`,
        stage: resources.stage,
        files: capability.files,
        // a month of a large agency is 100,000 rows: streaming them and writing the records takes minutes
        timeout: Duration.minutes(15),
        memorySize: 1024,
      }).bindGrants(uploadGrants(props.grants ?? CAPABILITY_GRANTS, capability.name), resources);
      resources.store.uploads.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn), {
        prefix: capability.uploadEvents.keyPrefix,
      });
      this.functions.set(capability.name, fn);
    }
    if (this.functions.size > 0) acknowledgeNotificationsHandler(Stack.of(this));
  }
}

function uploadGrants(grants: Record<string, CapabilityGrants>, capability: string): FunctionGrants {
  const declared = grants[capability]?.uploads;
  if (!declared) {
    throw new Error(`Capability "${capability}" handles uploads but declares no grants for it (CAPABILITY_GRANTS)`);
  }
  return declared;
}

/** CDK's bucket-notifications custom resource: one Lambda per stack whose role CDK defines. */
function acknowledgeNotificationsHandler(stack: Stack): void {
  const handler = stack.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
  if (!handler) return;
  acknowledge(
    handler,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    "CDK's own bucket-notifications handler (a deployment-time custom resource) carries AWS's basic execution role.",
  );
}
