import { type RemovalPolicy, Validations } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import type * as logs from "aws-cdk-lib/aws-logs";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";

export interface PublicHttpApiProps {
  readonly description: string;
  /** The one function behind every route. */
  readonly handler: lambda.IFunction;
  /** Method and path of each route, e.g. `["POST", "/intake/{provider}"]`. */
  readonly routes: ReadonlyArray<readonly [apigw.HttpMethod, string]>;
  /** Stage throttling: steady requests per second and burst. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  readonly accessLogRetention: logs.RetentionDays;
  readonly accessLogRemovalPolicy: RemovalPolicy;
}

/**
 * The public HTTP API: one `$default` stage, throttled and access-logged without personal data,
 * every route served by one Lambda function. Public by design (see the cdk-nag acknowledgement):
 * each request proves itself in code (a provider's signature, a signed link).
 */
export class PublicHttpApi extends apigw.HttpApi {
  constructor(scope: Construct, id: string, props: PublicHttpApiProps) {
    super(scope, id, { description: props.description, createDefaultStage: false });
    // The stage and its log group are siblings of the API (ids `<id>AccessLogs`, `<id>DefaultStage`),
    // as they were before this construct existed: a moved log group would be a new, empty one.
    const accessLogs = new LogGroup(scope, `${id}AccessLogs`, {
      retention: props.accessLogRetention,
      removalPolicy: props.accessLogRemovalPolicy,
    });
    new apigw.HttpStage(scope, `${id}DefaultStage`, {
      httpApi: this,
      stageName: "$default",
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // No source IP, user agent, path or query string: the unsubscribe token and any personal
        // data stay out of the logs; the route key says which endpoint was called.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            requestTime: "$context.requestTimeEpoch",
            routeKey: "$context.routeKey",
            status: "$context.status",
            protocol: "$context.protocol",
            responseLength: "$context.responseLength",
            responseLatency: "$context.responseLatency",
            integrationStatus: "$context.integrationStatus",
            integrationLatency: "$context.integrationLatency",
            integrationError: "$context.integrationErrorMessage",
            error: "$context.error.message",
          }),
        ),
      },
    });
    const integration = new HttpLambdaIntegration(`${id}Handler`, props.handler);
    for (const [method, path] of props.routes) this.addRoutes({ path, methods: [method], integration });
    Validations.of(this).acknowledge({
      id: "AwsSolutions-APIG4",
      reason:
        "Public by design: intake webhooks are verified in code by each provider's HMAC signature " +
        "(or Standard Webhooks); the applicant's links (unsubscribe, timeline, actions, preferences, " +
        "calendar) carry a signed token; /health reveals nothing. " +
        "Form providers cannot send IAM, Cognito or JWT credentials.",
    });
  }

  /** Makes this API's URL the base of the links each function puts in emails (PUBLIC_BASE_URL). */
  linksFrom(functions: readonly lambda.Function[]): void {
    for (const fn of functions) fn.addEnvironment("PUBLIC_BASE_URL", this.apiEndpoint);
  }
}
