import { readFileSync } from "node:fs";
import type { APIGatewayProxyEventV2, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";

/** Real AWS event shapes from the fixtures, with only the parts a test is about replaced. */
function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as T;
}

export interface HttpRequest {
  method: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  base64?: boolean;
}

/** An HTTP API payload 2.0 event built on the Powertools sample (stage $default). */
export function httpEvent(request: HttpRequest): APIGatewayProxyEventV2 {
  const event = fixture<APIGatewayProxyEventV2>("post-json-body.powertools-ts.json");
  const query = request.query ?? "";
  const body = request.body === undefined ? undefined : request.body;
  const base64 = request.base64 ?? Buffer.isBuffer(body);
  const { authorization: _none, ...baseHeaders } = event.headers;
  const result: APIGatewayProxyEventV2 = {
    ...event,
    routeKey: "$default",
    rawPath: request.path,
    rawQueryString: query,
    headers: { ...baseHeaders, ...request.headers },
    requestContext: {
      ...event.requestContext,
      routeKey: "$default",
      http: { ...event.requestContext.http, method: request.method, path: request.path },
    },
    isBase64Encoded: base64,
  };
  if (query) result.queryStringParameters = Object.fromEntries(new URLSearchParams(query));
  if (body === undefined) delete result.body;
  else result.body = base64 ? Buffer.from(body).toString("base64") : body.toString();
  return result;
}

/** The Lambda Developer Guide sample: a named stage in rawPath and a base64 body. */
export function stagedHttpEvent(): APIGatewayProxyEventV2 {
  return fixture<APIGatewayProxyEventV2>("get-base64-body.lambda-dev-guide-sample.json");
}

/** Stream records on the real event's shape, keyed as Matchpath's table keys them. */
export function streamEvent(keys: ({ pk: string; sk: string } | undefined)[]): DynamoDBStreamEvent {
  const sample = fixture<DynamoDBStreamEvent>("insert-modify-remove.lambda-dev-guide.json");
  const templates = sample.Records;
  const records = keys.map((key, index): DynamoDBRecord => {
    const template = templates[index % templates.length] as DynamoDBRecord;
    const dynamodb = { ...template.dynamodb, SequenceNumber: String(1000 + index) };
    if (key) dynamodb.Keys = { pk: { S: key.pk }, sk: { S: key.sk } };
    return { ...template, eventID: String(index), dynamodb };
  });
  return { Records: records };
}

/** The published Powertools sample as it is: its keys ({Id: N}) name no applicant. */
export function foreignStreamEvent(): DynamoDBStreamEvent {
  return fixture<DynamoDBStreamEvent>("insert-modify.powertools-ts.json");
}
