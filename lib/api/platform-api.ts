import { NestedStack, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  Method,
  type MethodDeploymentOptions,
  MethodLoggingLevel,
  type RequestValidator,
  ResponseType,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Capability, RouteSpec } from '#commons/http/route';
import type { CapabilityGrants, FunctionGrants } from '../constructs/function-grants.ts';
import type { PlatformResources } from '../constructs/platform-resources.ts';
import { ServiceFunction } from '../constructs/service-function.ts';
import { acknowledge } from '../nag.ts';
import type { StageConfig } from '../stage.ts';
import { CAPABILITY_GRANTS } from './capability-grants.ts';
import { assertRoutesPlaced, isAnonymousWrite, isPublic } from './route-rules.ts';

export interface PlatformApiProps {
  resources: PlatformResources;
  capabilities: Capability[];
  /** what each capability's router may reach; CAPABILITY_GRANTS unless a test brings its own */
  grants?: Record<string, CapabilityGrants>;
}

/** Korean bodies, in the router's error shape, for the refusals API Gateway answers by itself. */
const GATEWAY_RESPONSES: { type: ResponseType; status: string; code: string; message: string }[] = [
  {
    type: ResponseType.UNAUTHORIZED,
    status: '401',
    code: 'UNAUTHENTICATED',
    message: '로그인이 필요합니다. 다시 로그인해 주세요.',
  },
  { type: ResponseType.ACCESS_DENIED, status: '403', code: 'FORBIDDEN', message: '이 정보에 접근할 권한이 없습니다.' },
  // API Gateway answers an unknown path or method this way (no IAM auth is in use).
  {
    type: ResponseType.MISSING_AUTHENTICATION_TOKEN,
    status: '404',
    code: 'NOT_FOUND',
    message: '요청한 주소를 찾을 수 없습니다.',
  },
  {
    type: ResponseType.THROTTLED,
    status: '429',
    code: 'THROTTLED',
    message: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  },
  {
    type: ResponseType.BAD_REQUEST_PARAMETERS,
    status: '400',
    code: 'BAD_REQUEST',
    message: '요청 주소의 값이 빠졌거나 잘못되었습니다. 주소를 확인해 주세요.',
  },
  {
    type: ResponseType.BAD_REQUEST_BODY,
    status: '400',
    code: 'BAD_REQUEST',
    message: '요청 내용을 읽을 수 없습니다. 입력한 내용을 다시 보내 주세요.',
  },
  {
    type: ResponseType.DEFAULT_5XX,
    status: '502',
    code: 'INTERNAL',
    message: '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
  },
];

/**
 * The REST API: one router Lambda per capability (CAPABILITIES) and one API Gateway method per route,
 * every route behind the Cognito authorizer unless it is deliberately public (then it must live under
 * /public or /auth, checked at synth). The web app reaches it through CloudFront on its own origin
 * (/api/*), so no CORS preflight methods are needed, which also keeps the stack's resource count down.
 */
export class PlatformApi extends Construct {
  readonly restApi: RestApi;
  readonly functions = new Map<string, ServiceFunction>();

  constructor(scope: Construct, id: string, props: PlatformApiProps) {
    super(scope, id);
    const { resources, capabilities } = props;
    const { stage } = resources;
    assertRoutesPlaced(capabilities);

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: stage.accessLogRetention,
      removalPolicy: stage.removalPolicy,
    });
    this.restApi = new RestApi(this, 'Api', {
      restApiName: `kead-platform-${stage.name}`,
      description: '근로지원인 플랫폼 API',
      endpointTypes: [EndpointType.REGIONAL],
      // Execution logging (errors only) needs the account-level CloudWatch role. It is shared by every
      // API of the account, so tearing down dev must not delete it from under prod.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: stage.name,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields({
          caller: true,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: true,
        }),
        loggingLevel: MethodLoggingLevel.ERROR,
        // Request and response bodies carry personal data: never log them.
        dataTraceEnabled: false,
        tracingEnabled: true,
        metricsEnabled: true,
        throttlingRateLimit: stage.throttling.rateLimit,
        throttlingBurstLimit: stage.throttling.burstLimit,
        methodOptions: anonymousWriteThrottling(capabilities, stage),
      },
    });
    for (const response of GATEWAY_RESPONSES) {
      this.restApi.addGatewayResponse(`Response-${response.type.responseType}`, {
        type: response.type,
        statusCode: response.status,
        templates: {
          'application/json': JSON.stringify({ error: { code: response.code, message: response.message } }),
        },
      });
    }

    // Path parameters are declared required and checked here; query and body are validated by the
    // routes' zod schemas, which answer with Korean messages per field (422).
    const validator = this.restApi.addRequestValidator('RequestValidator', {
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    const authorizer = new CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      cognitoUserPools: [resources.identity.userPool],
      identitySource: 'method.request.header.Authorization',
    });

    for (const capability of capabilities) {
      const fn = new ServiceFunction(this, `${pascalCase(capability.name)}Function`, {
        entry: capability.entry,
        serviceName: capability.name,
        description: `Router of the ${capability.name} capability`,
        stage,
        files: capability.files,
      }).bindGrants(routerGrants(props.grants ?? CAPABILITY_GRANTS, capability.name), resources);
      this.functions.set(capability.name, fn);

      // One API-scoped invoke permission per function instead of one per method.
      const integration = new LambdaIntegration(fn, { scopePermissionToMethod: false });
      // A capability's methods live in a nested stack of their own: a stack holds at most 500
      // resources, and every route is a method. The path resources stay here, shared by capabilities.
      const methods = new NestedStack(this, `${pascalCase(capability.name)}Routes`, {
        description: `API methods of the ${capability.name} capability`,
      });
      for (const route of capability.routes) {
        this.addRoute(methods, route, integration, validator, authorizer);
      }
    }

    acknowledge(
      this.restApi,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      "API Gateway's account-level logging role; AWS's managed policy is the documented way to grant it.",
    );
  }

  private addRoute(
    scope: NestedStack,
    route: RouteSpec,
    integration: LambdaIntegration,
    validator: RequestValidator,
    authorizer: CognitoUserPoolsAuthorizer,
  ): void {
    const resource = this.restApi.root.resourceForPath(route.path);
    const requestParameters = Object.fromEntries(
      [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => [`method.request.path.${match[1]}`, true]),
    );
    const method = new Method(scope, `${route.method}${route.path}`, {
      resource,
      httpMethod: route.method,
      integration,
      options: {
        requestValidator: validator,
        requestParameters,
        ...(isPublic(route)
          ? { authorizationType: AuthorizationType.NONE }
          : { authorizationType: AuthorizationType.COGNITO, authorizer }),
      },
    });
    if (isPublic(route)) {
      const reason = `Deliberately public route ${route.method} ${route.path} (${route.summary}).`;
      acknowledge(method, 'AwsSolutions-APIG4', reason);
      acknowledge(method, 'AwsSolutions-COG4', reason);
    }
  }
}

/** Method settings giving every anonymous write (isAnonymousWrite) the stage's lower throttle. */
function anonymousWriteThrottling(
  capabilities: Capability[],
  stage: StageConfig,
): Record<string, MethodDeploymentOptions> {
  const { rateLimit, burstLimit } = stage.throttling.anonymous;
  return Object.fromEntries(
    capabilities
      .flatMap((capability) => capability.routes)
      .filter(isAnonymousWrite)
      .map((route) => [
        `${route.path}/${route.method}`,
        // A method's settings replace the stage's for that method: restate logging and metrics.
        {
          throttlingRateLimit: rateLimit,
          throttlingBurstLimit: burstLimit,
          loggingLevel: MethodLoggingLevel.ERROR,
          dataTraceEnabled: false,
          metricsEnabled: true,
        },
      ]),
  );
}

/** A capability's router declaration; a capability without one is refused, never given defaults. */
export function routerGrants(grants: Record<string, CapabilityGrants>, capability: string): FunctionGrants {
  const declared = grants[capability];
  if (!declared) {
    throw new Error(`Capability "${capability}" declares no grants: add what its code uses to CAPABILITY_GRANTS`);
  }
  return declared.router;
}

function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
