import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError } from "../stand-ins/api-error.ts";
import type { EventBridgeStandIn, PutEventsEntry } from "../stand-ins/eventbridge.ts";
import type { CreateScheduleRequest, SchedulerStandIn } from "../stand-ins/scheduler.ts";
import type { SesStandIn } from "../stand-ins/ses.ts";
import type { SsmStandIn } from "../stand-ins/ssm.ts";
import { type AccessRequest, isAllowed } from "./iam.ts";
import { ACCOUNT, type DeployedFunction, REGION } from "./template.ts";

/**
 * The AWS endpoint every function bundle talks to (AWS_ENDPOINT_URL): it tells the caller by the
 * access key in its SigV4 Authorization header (each function runs with its own), checks every
 * request against that function's IAM statements from the template (the actions and resource
 * ARNs IAM would evaluate, per the Service Authorization Reference), then serves it: DynamoDB by
 * forwarding to DynamoDB Local, Scheduler, SES v2, EventBridge and SSM from the stand-ins, in each
 * protocol's wire format, errors included.
 */

export interface CallRecord {
  caller: string;
  service: string;
  operation: string;
  access: AccessRequest[];
  denied?: AccessRequest;
  error?: string;
}

export interface AwsFrontOptions {
  functions: readonly DeployedFunction[];
  dynamodbEndpoint: string;
  scheduler: SchedulerStandIn;
  ses: SesStandIn;
  events: EventBridgeStandIn;
  ssm: SsmStandIn;
}

const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

type Body = Record<string, unknown>;

/** The IAM requests one DynamoDB call makes (TransactWriteItems: each item as its own action). */
function dynamoAccess(operation: string, body: Body): AccessRequest[] {
  const table = (name: unknown, index?: unknown) =>
    arn("dynamodb", `table/${String(name)}${index ? `/index/${String(index)}` : ""}`);
  switch (operation) {
    case "TransactWriteItems":
      return ((body.TransactItems ?? []) as Record<string, { TableName?: string }>[]).map((item) => {
        const [kind, action] = Object.entries(item)[0] ?? ["?", {}];
        const name = {
          Put: "PutItem",
          Update: "UpdateItem",
          Delete: "DeleteItem",
          ConditionCheck: "ConditionCheckItem",
        }[kind];
        return { action: `dynamodb:${name ?? kind}`, resource: table(action.TableName) };
      });
    case "TransactGetItems":
      return ((body.TransactItems ?? []) as { Get: { TableName?: string } }[]).map((item) => ({
        action: "dynamodb:GetItem",
        resource: table(item.Get.TableName),
      }));
    case "BatchWriteItem":
    case "BatchGetItem":
      return Object.keys((body.RequestItems ?? {}) as Body).map((name) => ({
        action: `dynamodb:${operation}`,
        resource: table(name),
      }));
    default:
      return [{ action: `dynamodb:${operation}`, resource: table(body.TableName, body.IndexName) }];
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export class AwsFront {
  readonly calls: CallRecord[] = [];
  private server?: Server;
  private readonly byAccessKey: Map<string, DeployedFunction>;

  constructor(private readonly options: AwsFrontOptions) {
    this.byAccessKey = new Map(options.functions.map((fn) => [accessKeyOf(fn), fn]));
  }

  get denials(): CallRecord[] {
    return this.calls.filter((call) => call.denied);
  }

  async listen(): Promise<string> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ message: String(error) }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const accessKey = /Credential=([^/]+)\//.exec(request.headers.authorization ?? "")?.[1] ?? "";
    const fn = this.byAccessKey.get(accessKey);
    const caller = fn?.name ?? `unknown(${accessKey})`;
    const target = request.headers["x-amz-target"];
    const url = new URL(request.url ?? "/", "http://front");
    const json = (): Body => (raw.length > 0 ? (JSON.parse(raw.toString("utf8")) as Body) : {});

    if (typeof target === "string") {
      const [prefix, operation = ""] = target.split(".");
      if (prefix?.startsWith("DynamoDB_")) {
        const body = json();
        const record = this.authorize(fn, caller, "dynamodb", operation, dynamoAccess(operation, body));
        if (record.denied) return jsonError(response, "1.0", "AccessDeniedException", denialText(record));
        const forwarded = await fetch(this.options.dynamodbEndpoint, {
          method: "POST",
          headers: {
            "content-type": String(request.headers["content-type"]),
            "x-amz-target": target,
            authorization: String(request.headers.authorization),
            "x-amz-date": String(request.headers["x-amz-date"] ?? ""),
          },
          body: new Uint8Array(raw),
        });
        const text = await forwarded.text();
        if (forwarded.status >= 400) record.error = text.slice(0, 300);
        response.writeHead(forwarded.status, { "content-type": forwarded.headers.get("content-type") ?? "" });
        response.end(text);
        return;
      }
      if (prefix === "AmazonSSM" && operation === "GetParameter") {
        const body = json();
        const name = String(body.Name ?? "");
        const record = this.authorize(fn, caller, "ssm", operation, [
          { action: "ssm:GetParameter", resource: arn("ssm", `parameter/${name.replace(/^\//, "")}`) },
        ]);
        if (record.denied) return jsonError(response, "1.1", "AccessDeniedException", denialText(record));
        return this.serve(response, "1.1", record, () =>
          this.options.ssm.getParameter(name, body.WithDecryption as boolean | undefined),
        );
      }
      if (prefix === "AWSEvents" && operation === "PutEvents") {
        const entries = (json().Entries ?? []) as PutEventsEntry[];
        const access = entries.map((entry) => ({
          action: "events:PutEvents",
          resource: this.options.events.busOf(entry)?.arn ?? arn("events", `event-bus/${entry.EventBusName}`),
        }));
        const record = this.authorize(fn, caller, "eventbridge", operation, access);
        if (record.denied) return jsonError(response, "1.1", "AccessDeniedException", denialText(record));
        return this.serve(response, "1.1", record, () => this.options.events.putEvents(entries));
      }
      return jsonError(response, "1.1", "UnknownOperationException", `not modelled: ${target}`);
    }

    if (request.method === "POST" && url.pathname === "/v2/email/outbound-emails") {
      const body = json();
      const ses = this.options.ses;
      const identity = ses.identityOf(String(body.FromEmailAddress ?? ""));
      const access = [{ action: "ses:SendEmail", resource: arn("ses", `identity/${identity}`) }];
      if (body.ConfigurationSetName)
        access.push({
          action: "ses:SendEmail",
          resource: arn("ses", `configuration-set/${String(body.ConfigurationSetName)}`),
        });
      const record = this.authorize(fn, caller, "ses", "SendEmail", access);
      if (record.denied) return restError(response, 403, "AccessDeniedException", denialText(record));
      return this.serve(response, "rest", record, () => ses.sendEmail(body));
    }

    const schedule = /^\/schedules\/([^/]+)$/.exec(url.pathname);
    if (schedule) {
      const name = decodeURIComponent(schedule[1] ?? "");
      const body = json() as CreateScheduleRequest;
      const group = body.GroupName ?? url.searchParams.get("groupName") ?? "default";
      const operation =
        { POST: "CreateSchedule", PUT: "UpdateSchedule", DELETE: "DeleteSchedule", GET: "GetSchedule" }[
          request.method ?? ""
        ] ?? "Unknown";
      const access: AccessRequest[] = [
        { action: `scheduler:${operation}`, resource: arn("scheduler", `schedule/${group}/${name}`) },
      ];
      if (body.Target?.RoleArn)
        access.push({
          action: "iam:PassRole",
          resource: body.Target.RoleArn,
          context: { "iam:PassedToService": "scheduler.amazonaws.com" },
        });
      const record = this.authorize(fn, caller, "scheduler", operation, access);
      if (record.denied) return restError(response, 403, "AccessDeniedException", denialText(record));
      const scheduler = this.options.scheduler;
      return this.serve(response, "rest", record, () => {
        if (operation === "CreateSchedule") return scheduler.createSchedule({ ...body, Name: name });
        if (operation === "UpdateSchedule") return scheduler.updateSchedule({ ...body, Name: name });
        if (operation === "DeleteSchedule") return scheduler.deleteSchedule(name, group);
        throw new ApiError("ValidationException", 400, `${operation} is not modelled`);
      });
    }
    return restError(
      response,
      404,
      "UnknownOperationException",
      `not modelled: ${request.method} ${url.pathname}`,
    );
  }

  private authorize(
    fn: DeployedFunction | undefined,
    caller: string,
    service: string,
    operation: string,
    access: AccessRequest[],
  ): CallRecord {
    const denied = access.find((request) => !fn || !isAllowed(fn.statements, request));
    const record: CallRecord = { caller, service, operation, access, ...(denied ? { denied } : {}) };
    this.calls.push(record);
    return record;
  }

  private serve(
    response: ServerResponse,
    protocol: "1.1" | "rest",
    record: CallRecord,
    action: () => unknown,
  ): void {
    try {
      const result = action();
      response.writeHead(200, {
        "content-type": protocol === "rest" ? "application/json" : "application/x-amz-json-1.1",
      });
      response.end(JSON.stringify(result));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      record.error = `${error.code}: ${error.message}`;
      if (protocol === "rest") restError(response, error.status, error.code, error.message);
      else jsonError(response, "1.1", error.code, error.message);
    }
  }
}

/** The access key a function runs with: its logical id, so a request names its caller. */
export function accessKeyOf(fn: DeployedFunction): string {
  return `AKID${fn.logicalId}`;
}

function denialText(record: CallRecord): string {
  return `User: ${record.caller} is not authorized to perform: ${record.denied?.action} on resource: ${record.denied?.resource}`;
}

function jsonError(response: ServerResponse, version: "1.0" | "1.1", code: string, message: string): void {
  response.writeHead(400, { "content-type": `application/x-amz-json-${version}` });
  response.end(JSON.stringify({ __type: code, message }));
}

function restError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { "content-type": "application/json", "x-amzn-errortype": code });
  response.end(JSON.stringify({ message, Message: message }));
}
