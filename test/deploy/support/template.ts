import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The synthesized CloudFormation template, read as a deployment would see it: every `Ref`,
 * `Fn::GetAtt`, `Fn::Join`, `Fn::Sub`, `Fn::Select` and `Fn::Split` resolved against one account
 * and Region, with a physical name per resource (its own name property when the template gives
 * one). What the deploy-shaped test takes from it: each function's code, handler and environment,
 * its role's IAM statements, the Scheduler execution role, the stream mapping and the rules.
 */

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Resource {
  Type: string;
  Properties?: Record<string, Json>;
  Metadata?: Record<string, Json>;
}

export interface IamStatement {
  Effect: "Allow" | "Deny";
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface DeployedFunction {
  logicalId: string;
  name: string;
  arn: string;
  /** Absolute path of the bundle directory (what Lambda unpacks to /var/task). */
  codeDir: string;
  handler: string;
  runtime: string;
  memorySize: number;
  timeoutSeconds: number;
  environment: Record<string, string>;
  statements: IamStatement[];
  reservedConcurrency?: number;
}

/** Physical names and the attributes CloudFormation returns, per resource type. */
function attributesOf(logicalId: string, resource: Resource, name: string): Record<string, string> {
  const arn = (service: string, resourcePart: string, region = REGION) =>
    `arn:aws:${service}:${region}:${ACCOUNT}:${resourcePart}`;
  switch (resource.Type) {
    case "AWS::DynamoDB::Table":
      return {
        Ref: name,
        Arn: arn("dynamodb", `table/${name}`),
        StreamArn: arn("dynamodb", `table/${name}/stream/2026-01-01T00:00:00.000`),
      };
    case "AWS::Lambda::Function":
      return { Ref: name, Arn: arn("lambda", `function:${name}`) };
    case "AWS::SQS::Queue":
      return {
        Ref: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`,
        Arn: arn("sqs", name),
        QueueName: name,
      };
    case "AWS::Events::EventBus":
      return { Ref: name, Name: name, Arn: arn("events", `event-bus/${name}`) };
    case "AWS::Events::Archive":
      return { Ref: name, Arn: arn("events", `archive/${name}`) };
    case "AWS::Scheduler::ScheduleGroup":
      return { Ref: name, Arn: arn("scheduler", `schedule-group/${name}`) };
    case "AWS::IAM::Role":
      return { Ref: name, Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`, RoleId: `AROA${logicalId}` };
    case "AWS::SNS::Topic":
      return { Ref: arn("sns", name), TopicArn: arn("sns", name), TopicName: name };
    case "AWS::ApiGatewayV2::Api":
      return {
        Ref: "abc123api",
        ApiId: "abc123api",
        ApiEndpoint: `https://abc123api.execute-api.${REGION}.amazonaws.com`,
      };
    case "AWS::Logs::LogGroup":
      return { Ref: name, Arn: arn("logs", `log-group:${name}:*`) };
    default:
      return { Ref: name, Arn: arn("cloudformation", `resource/${name}`) };
  }
}

const NAME_PROPERTIES = [
  "TableName",
  "FunctionName",
  "QueueName",
  "Name",
  "RoleName",
  "TopicName",
  "EmailIdentity",
  "LogGroupName",
];

export class DeployedTemplate {
  readonly resources: Record<string, Resource>;
  private readonly attributes = new Map<string, Record<string, string>>();

  constructor(
    readonly assemblyDir: string,
    readonly stackName: string,
  ) {
    const template = JSON.parse(readFileSync(join(assemblyDir, `${stackName}.template.json`), "utf8")) as {
      Resources: Record<string, Resource>;
    };
    this.resources = template.Resources;
  }

  /** CloudFormation's own pseudo parameters and each resource's attributes, by logical id. */
  private attribute(logicalId: string, name: string): string {
    const pseudo: Record<string, string> = {
      "AWS::AccountId": ACCOUNT,
      "AWS::Region": REGION,
      "AWS::Partition": "aws",
      "AWS::URLSuffix": "amazonaws.com",
      "AWS::StackName": this.stackName,
    };
    if (pseudo[logicalId] !== undefined) return pseudo[logicalId];
    let attributes = this.attributes.get(logicalId);
    if (!attributes) {
      const resource = this.resources[logicalId];
      if (!resource) throw new Error(`template: no resource ${logicalId}`);
      const own = NAME_PROPERTIES.map((key) => resource.Properties?.[key]).find(
        (value) => value !== undefined,
      );
      const physical =
        own === undefined ? `${this.stackName}-${logicalId}`.slice(0, 64) : String(this.resolve(own));
      attributes = attributesOf(logicalId, resource, physical);
      this.attributes.set(logicalId, attributes);
    }
    const value = attributes[name];
    if (value === undefined) throw new Error(`template: ${logicalId} has no attribute ${name} in this model`);
    return value;
  }

  /** A template value with every intrinsic function resolved. */
  resolve(value: Json | undefined): Json {
    if (value === null || value === undefined || typeof value !== "object") return value ?? null;
    if (Array.isArray(value)) return value.map((item) => this.resolve(item));
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const [key] = keys as [string];
      const argument = value[key] as Json;
      switch (key) {
        case "Ref":
          return this.attribute(String(argument), "Ref");
        case "Fn::GetAtt": {
          const [id, attr] = argument as [string, string];
          return this.attribute(id, attr);
        }
        case "Fn::Join": {
          const [separator, parts] = argument as [string, Json[]];
          return (this.resolve(parts) as Json[]).map(String).join(separator);
        }
        case "Fn::Select": {
          const [index, list] = argument as [number, Json];
          return (this.resolve(list) as Json[])[Number(index)] ?? null;
        }
        case "Fn::Split": {
          const [separator, text] = argument as [string, Json];
          return String(this.resolve(text)).split(separator);
        }
        case "Fn::Sub":
          return String(typeof argument === "string" ? argument : (argument as Json[])[0]).replace(
            /\$\{([^}]+)\}/g,
            (_match, ref: string) => {
              const [id, attr] = ref.split(".");
              return this.attribute(id ?? ref, attr ?? "Ref");
            },
          );
      }
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v)]));
  }

  ofType(type: string): [string, Resource][] {
    return Object.entries(this.resources).filter(([, resource]) => resource.Type === type);
  }

  /** Every Allow/Deny statement of the policies attached to a role, resolved. */
  statementsOfRole(roleLogicalId: string): IamStatement[] {
    const attached = this.ofType("AWS::IAM::Policy").filter(([, policy]) =>
      ((policy.Properties?.Roles ?? []) as Json[]).some(
        (role) => (role as { Ref?: string }).Ref === roleLogicalId,
      ),
    );
    const inline = (
      (this.resources[roleLogicalId]?.Properties?.Policies ?? []) as { PolicyDocument: Json }[]
    ).map((policy) => policy.PolicyDocument);
    const documents = [...attached.map(([, policy]) => policy.Properties?.PolicyDocument ?? null), ...inline];
    return documents.flatMap((document) =>
      ((this.resolve(document) as { Statement: Record<string, Json>[] }).Statement ?? []).map(
        (statement) => ({
          Effect: statement.Effect as "Allow" | "Deny",
          Action: ([] as Json[]).concat(statement.Action ?? []).map(String),
          Resource: ([] as Json[]).concat(statement.Resource ?? []).map(String),
          ...(statement.Condition ? { Condition: statement.Condition as IamStatement["Condition"] } : {}),
        }),
      ),
    );
  }

  functions(): DeployedFunction[] {
    return this.ofType("AWS::Lambda::Function").map(([logicalId, resource]) => {
      const properties = resource.Properties ?? {};
      const role = (properties.Role as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
      const assetPath = resource.Metadata?.["aws:asset:path"] ?? this.assetPathOf(properties.Code);
      if (typeof assetPath !== "string") throw new Error(`template: ${logicalId} has no bundled asset`);
      const variables = this.resolve(
        ((properties.Environment as { Variables?: Json } | undefined)?.Variables ?? {}) as Json,
      ) as Record<string, string>;
      const reserved = properties.ReservedConcurrentExecutions;
      return {
        logicalId,
        name: this.attribute(logicalId, "Ref"),
        arn: this.attribute(logicalId, "Arn"),
        codeDir: join(this.assemblyDir, assetPath),
        handler: String(properties.Handler),
        runtime: String(properties.Runtime),
        memorySize: Number(properties.MemorySize ?? 128),
        timeoutSeconds: Number(properties.Timeout ?? 3),
        environment: variables,
        statements: this.statementsOfRole(role),
        ...(reserved !== undefined ? { reservedConcurrency: Number(reserved) } : {}),
      };
    });
  }

  /**
   * The asset directory of a function's code, from the stack's asset manifest (the CLI also puts it
   * in the resource's metadata; an in-process synth does not).
   */
  private assetPathOf(code: Json | undefined): string | undefined {
    const key = (code as { S3Key?: string } | undefined)?.S3Key;
    if (typeof key !== "string") return undefined;
    const manifest = JSON.parse(
      readFileSync(join(this.assemblyDir, `${this.stackName}.assets.json`), "utf8"),
    ) as {
      files: Record<string, { source: { path: string } }>;
    };
    return manifest.files[key.replace(/\.zip$/, "")]?.source.path;
  }

  /** The function a logical id or a resolved ARN names. */
  functionByArn(arn: string): DeployedFunction | undefined {
    return this.functions().find((fn) => fn.arn === arn);
  }
}
