import { cpSync } from "node:fs";
import { join } from "node:path";
import {
  AssetHashType,
  DockerImage,
  type Duration,
  type ILocalBundling,
  type RemovalPolicy,
  Stack,
} from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { buildSync } from "esbuild";
import { FUNCTION_BUNDLING, FUNCTION_NODE_OPTIONS, functionBuildOptions } from "./function-bundling.ts";

export type LogLevel = "DEBUG" | "INFO" | "WARN" | "ERROR";

/** Where the handler code lives: the repository root, whose package.json `imports` esbuild resolves. */
export interface CodeLocation {
  /** Absolute path of the repository root (package.json, package-lock.json, tsconfig.json). */
  readonly projectRoot: string;
}

export interface MatchpathFunctionProps {
  readonly code: CodeLocation;
  /** Path of the handler module from the repository root, e.g. `functions/planner/handler.ts`. */
  readonly entry: string;
  readonly description: string;
  /** Sized per function; the reason belongs next to the value in the stack. */
  readonly timeout: Duration;
  /** MB. 256 is the cost model's size; more only where latency or a scan needs the CPU. */
  readonly memorySize?: number;
  /** Powertools service name: the `service` key of every log line. */
  readonly serviceName: string;
  readonly logLevel: LogLevel;
  readonly logRetention: logs.RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  /** The function's own settings; the construct adds the Powertools and Node ones. */
  readonly environment: Record<string, string>;
  /**
   * Data files the handler reads at run time, copied beside the bundle: each `from` folder
   * (relative to the repository root) becomes `/var/task/<to>` in Lambda.
   */
  readonly files?: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  /** Asynchronous invocations only (EventBridge, Scheduler): where an event goes after its last retry. */
  readonly onFailure?: lambda.IDestination;
  /** Reserved concurrency: at most this many invocations at once (unset: the account's shared pool). */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * Every Matchpath Lambda function, with the project's defaults in one place: Node.js 24 on arm64
 * (about 20 % cheaper per GB-second than x86), an ESM bundle split into the code read at cold start
 * and chunks loaded on first use, minified, with source maps and the AWS SDK (function-bundling.ts),
 * JSON logs in an explicit log group with retention, and an execution role of its own that starts
 * with nothing but writing to that log group (no AWSLambdaBasicExecutionRole managed policy).
 * Grants are added by the stack, per function.
 *
 * Not traced with X-Ray: the handlers do not use the Powertools Tracer, and each invocation is one
 * short chain of SDK calls already visible in the structured logs and metrics; tracing would add
 * cost and cold-start time without a question it answers.
 */
export class MatchpathFunction extends lambda.Function {
  constructor(scope: Construct, id: string, props: MatchpathFunctionProps) {
    // The log group and role are created in a sibling scope so they exist before super().
    const support = new Construct(scope, `${id}Support`);
    const logGroup = new logs.LogGroup(support, "LogGroup", {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    const role = new iam.Role(support, "Role", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `Execution role of ${Stack.of(scope).stackName}/${id}`,
    });
    // logs:CreateLogGroup is not needed: the group exists. The ARN attribute ends in ":*", which
    // covers the group's log streams.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [logGroup.logGroupArn],
      }),
    );

    super(scope, id, {
      description: props.description,
      code: bundledCode(props.code.projectRoot, props.entry, props.files),
      handler: `${FUNCTION_BUNDLING.entryFile.replace(/\.mjs$/, "")}.handler`,
      // Node.js 22 leaves Lambda's standard support on 30 April 2027, inside the 2027 Match season;
      // 24 is supported past it (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html).
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout,
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel[props.logLevel],
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      tracing: lambda.Tracing.DISABLED,
      ...(props.onFailure ? { onFailure: props.onFailure, retryAttempts: 2 } : {}),
      ...(props.reservedConcurrentExecutions
        ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions }
        : {}),
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_LOG_LEVEL: props.logLevel,
        // Stack traces point at the TypeScript sources through the bundled source maps.
        NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
      },
    });
  }

  /**
   * Secrets the function reads from SSM, in one call: each `<NAME>_PARAMETER` variable names its
   * SecureString parameter (shared/config reads it at cold start), and the function may read
   * exactly those parameters (below). `variables` maps the variable to the parameter's name.
   */
  useSecureParameters(variables: Readonly<Record<string, string>>, kmsKeyArn?: string): void {
    for (const [variable, parameter] of Object.entries(variables)) this.addEnvironment(variable, parameter);
    this.grantReadSecureParameters(Object.values(variables), kmsKeyArn);
  }

  /**
   * ssm:GetParameter on exactly these SecureString parameters. With the default aws/ssm key, the key
   * policy already lets SSM decrypt for any principal of the account allowed to read the parameter;
   * a customer-managed key also needs kms:Decrypt, only through SSM.
   */
  grantReadSecureParameters(names: readonly string[], kmsKeyArn?: string): void {
    const stack = Stack.of(this);
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ["ssm:GetParameter"],
        resources: names.map((name) =>
          stack.formatArn({ service: "ssm", resource: "parameter", resourceName: name.replace(/^\//, "") }),
        ),
      }),
    );
    if (kmsKeyArn) {
      this.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ["kms:Decrypt"],
          resources: [kmsKeyArn],
          conditions: { StringEquals: { "kms:ViaService": `ssm.${stack.region}.amazonaws.com` } },
        }),
      );
    }
  }
}

/**
 * The function's code asset: the bundle built by esbuild on this machine (function-bundling.ts, the
 * definition the bundles benchmark measures), with each `files` folder copied beside it. The asset's
 * hash is the output's, so an unchanged bundle is not uploaded again. Synthesis with bundling skipped
 * (`aws:cdk:bundling-stacks`) builds nothing.
 */
function bundledCode(
  projectRoot: string,
  entry: string,
  files: MatchpathFunctionProps["files"],
): lambda.Code {
  return lambda.Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always succeeds or throws esbuild's error (CDK requires an image).
      image: DockerImage.fromRegistry("public.ecr.aws/sam/build-nodejs24.x"),
      local: new LocalFunctionBundling(projectRoot, entry, files ?? []),
    },
  });
}

/**
 * esbuild run in this process when CDK stages the asset. Its fields are data on purpose: CDK keys
 * its per-synth asset cache on the bundling options' JSON, and a function-only object would give
 * every function the first one's bundle.
 */
class LocalFunctionBundling implements ILocalBundling {
  constructor(
    readonly projectRoot: string,
    readonly entry: string,
    readonly files: NonNullable<MatchpathFunctionProps["files"]>,
  ) {}

  tryBundle(outputDir: string): boolean {
    buildSync(functionBuildOptions(this.projectRoot, this.entry, outputDir));
    for (const { from, to } of this.files) {
      cpSync(join(this.projectRoot, from), join(outputDir, to), { recursive: true });
    }
    return true;
  }
}
