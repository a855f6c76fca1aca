import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clfTime,
  fromLambdaResult,
  isTextContentType,
  joinHeaders,
  queryParameters,
  type RequestFacts,
  readRequest,
  toApiGatewayV2Event,
} from "#local/http-event.ts";

function fixture(name: string): APIGatewayProxyEventV2 {
  const url = new URL(`./fixtures/apigateway-http-v2/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as APIGatewayProxyEventV2;
}

/** rawHeaders as Node would give them for a header record. */
function raw(headers: Record<string, string>): string[] {
  return Object.entries(headers).flat();
}

function facts(overrides: Partial<RequestFacts>): RequestFacts {
  return {
    method: "GET",
    url: "/",
    rawHeaders: ["Host", "127.0.0.1:3000"],
    httpVersion: "1.1",
    sourceIp: "127.0.0.1",
    body: Buffer.alloc(0),
    receivedAt: new Date("2026-09-01T12:00:00.000Z"),
    ...overrides,
  };
}

/** Every key path of a JSON value, e.g. "requestContext.http.method". */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    key === "headers" ? [`${prefix}${key}`] : keyPaths(child, `${prefix}${key}.`),
  );
}

describe("toApiGatewayV2Event", () => {
  it("builds the POST event Powertools publishes, field for field", () => {
    // Prepare: the request that produced the fixture, as it reaches our server.
    const published = fixture("post-json-body.powertools-ts.json");
    const { "x-amzn-trace-id": _trace, "x-forwarded-for": _for, ...sent } = published.headers;
    const request = facts({
      method: "POST",
      url: published.rawPath,
      // The sample carries no Content-Type (its content-length is 0 too: it was edited by hand);
      // a real JSON webhook sends one, and without it HTTP APIs would base64 the body.
      rawHeaders: raw({ ...sent, "content-type": "application/json" }),
      sourceIp: published.requestContext.http.sourceIp,
      body: Buffer.from(published.body ?? ""),
      receivedAt: new Date(published.requestContext.timeEpoch),
    });

    // Act
    const event = toApiGatewayV2Event(request, {
      domainName: published.requestContext.domainName,
      apiId: published.requestContext.apiId,
      accountId: published.requestContext.accountId,
      requestId: published.requestContext.requestId,
    });

    // Assess: the same shape (the fixture's JWT/Lambda authorizer and route aside: we serve $default).
    const expectedPaths = keyPaths(published).filter((path) => !path.startsWith("requestContext.authorizer"));
    expect(keyPaths(event).sort()).toEqual(expectedPaths.sort());
    expect(event).toMatchObject({
      version: "2.0",
      routeKey: "$default",
      rawPath: "/lambda",
      rawQueryString: "",
      body: published.body,
      isBase64Encoded: false,
      requestContext: {
        accountId: published.requestContext.accountId,
        apiId: published.requestContext.apiId,
        domainName: published.requestContext.domainName,
        domainPrefix: published.requestContext.domainPrefix,
        http: published.requestContext.http,
        requestId: published.requestContext.requestId,
        routeKey: "$default",
        stage: "$default",
        time: published.requestContext.time,
        timeEpoch: published.requestContext.timeEpoch,
      },
    });
    expect(Object.keys(event.headers).sort()).toEqual(
      [...Object.keys(published.headers), "content-type"].sort(),
    );
    expect(event.headers["x-forwarded-for"]).toBe("15.248.3.126");
    expect(event.headers["x-amzn-trace-id"]).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
  });

  it("builds a GET without a body as aws-lambda-go's capture shows: no body key, not base64", () => {
    const published = fixture("get-no-authorizer.aws-lambda-go.json");
    const event = toApiGatewayV2Event(
      facts({
        rawHeaders: raw({
          Accept: "*/*",
          "Content-Length": "0",
          Host: "h.example",
          "User-Agent": "curl/7.58.0",
        }),
      }),
    );

    const expectedPaths = keyPaths(published).filter(
      (path) => !path.startsWith("requestContext.authentication"),
    );
    expect(keyPaths(event).sort()).toEqual(expectedPaths.sort());
    expect(event.body).toBeUndefined();
    expect(event.isBase64Encoded).toBe(false);
    expect(event.requestContext.http).toEqual({
      method: "GET",
      path: "/",
      protocol: "HTTP/1.1",
      sourceIp: "127.0.0.1",
      userAgent: "curl/7.58.0",
    });
    expect(event.requestContext.requestId).toMatch(/^[A-Za-z0-9+/]{14}==?$/);
  });

  it("splits cookies, joins repeated query parameters and headers as the java-libs sample does", () => {
    const published = fixture("post-with-body-jwt.aws-lambda-java-libs.json");
    const event = toApiGatewayV2Event(
      facts({
        method: "POST",
        url: `${published.rawPath}?${published.rawQueryString}`,
        rawHeaders: [
          "Header1",
          "value1",
          "Header2",
          "value1",
          "Header2",
          "value2",
          "Cookie",
          "cookie1; cookie2",
        ],
        body: Buffer.from(published.body ?? ""),
      }),
    );

    expect(event.rawPath).toBe(published.rawPath);
    expect(event.rawQueryString).toBe(published.rawQueryString);
    expect(event.queryStringParameters).toEqual(published.queryStringParameters);
    expect(event.cookies).toEqual(published.cookies);
    // Real events lower-case names (the sample is hand-written); the values are what count.
    expect(event.headers.header1).toBe(published.headers.Header1);
    expect(event.headers.header2).toBe(published.headers.Header2);
    expect(event.headers.cookie).toBeUndefined();
    // No Content-Type: HTTP APIs treat the body as binary.
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? "", "base64").toString("utf8")).toBe(published.body);
  });

  it("keeps a JSON body's bytes exactly, non-ASCII included (signatures are computed over them)", () => {
    const body = Buffer.from('{"fullName":"Ngozi Adébáyọ̀","note":"  spaced\\u00e9 "}\n', "utf8");
    const event = toApiGatewayV2Event(
      facts({ method: "POST", rawHeaders: ["Content-Type", "application/json; charset=utf-8"], body }),
    );
    expect(event.isBase64Encoded).toBe(false);
    expect(Buffer.from(event.body ?? "", "utf8").equals(body)).toBe(true);
  });

  it.each([
    ["multipart/form-data; boundary=x", true],
    ["application/x-www-form-urlencoded", true],
    ["application/octet-stream", true],
    ["application/problem+json", true],
    ["application/json", false],
    ["text/plain; charset=utf-8", false],
    ["APPLICATION/JSON", false],
  ])("Content-Type %s → isBase64Encoded %s", (contentType, base64) => {
    const body = Buffer.from([0xff, 0x00, 0x7b, 0xc3, 0x28]);
    const event = toApiGatewayV2Event(
      facts({ method: "POST", rawHeaders: ["Content-Type", contentType], body }),
    );
    expect(event.isBase64Encoded).toBe(base64);
    if (base64) expect(Buffer.from(event.body ?? "", "base64").equals(body)).toBe(true);
  });

  it("omits queryStringParameters without a query string and decodes them with one", () => {
    expect(queryParameters("")).toBeUndefined();
    expect(queryParameters("token=a%2Bb%3D&x=1")).toEqual({ token: "a+b=", x: "1" });
    const event = toApiGatewayV2Event(facts({ url: "/unsubscribe?token=a%2Bb%3D" }));
    expect(event.rawQueryString).toBe("token=a%2Bb%3D");
    expect(event.queryStringParameters).toEqual({ token: "a+b=" });
  });
});

describe("helpers", () => {
  it("formats requestContext.time as API Gateway does", () => {
    const published = fixture("get-no-authorizer.aws-lambda-go.json");
    expect(clfTime(new Date(published.requestContext.timeEpoch))).toBe(published.requestContext.time);
  });

  it("lower-cases and comma-joins headers", () => {
    expect(joinHeaders(["X-A", "1", "x-a", "2", "Host", "h"])).toEqual({ "x-a": "1,2", host: "h" });
  });

  it("treats only text/* and JSON, XML, JavaScript as text", () => {
    expect(isTextContentType(undefined)).toBe(false);
    expect(isTextContentType("application/xml")).toBe(true);
    expect(isTextContentType("application/javascript")).toBe(true);
  });
});

describe("fromLambdaResult", () => {
  it("writes a structured result: status, headers, cookies, base64 body decoded", () => {
    const reply = fromLambdaResult({
      statusCode: 202,
      headers: { "Content-Type": "application/json", "X-Count": 3 },
      cookies: ["a=1; Secure", "b=2"],
      body: Buffer.from("hé").toString("base64"),
      isBase64Encoded: true,
    });
    expect(reply.statusCode).toBe(202);
    expect(reply.headers).toEqual({ "content-type": "application/json", "x-count": "3" });
    expect(reply.cookies).toEqual(["a=1; Secure", "b=2"]);
    expect(reply.body.toString("utf8")).toBe("hé");
  });

  it("infers a 200 JSON response from a result without statusCode", () => {
    const reply = fromLambdaResult({ ok: true } as unknown as string);
    expect(reply).toMatchObject({ statusCode: 200, headers: { "content-type": "application/json" } });
    expect(JSON.parse(reply.body.toString())).toEqual({ ok: true });
    expect(fromLambdaResult("plain").body.toString()).toBe("plain");
  });
});

describe("readRequest over real HTTP", () => {
  let server: Server;
  let url: string;
  let last: APIGatewayProxyEventV2 | undefined;

  beforeAll(async () => {
    server = createServer((request, response) => {
      readRequest(request, 1024).then(
        (read) => {
          last = toApiGatewayV2Event(read);
          response.end("ok");
        },
        () => {
          response.statusCode = 413;
          response.end();
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("carries method, path, query, headers and the exact body bytes", async () => {
    const body = '{"name":"Olúwáṣeun"}';
    const response = await fetch(`${url}/intake/webhook?x=1&x=2`, {
      method: "POST",
      headers: { "content-type": "application/json", "webhook-id": "msg_1", cookie: "a=1; b=2" },
      body,
    });
    expect(response.status).toBe(200);
    expect(last).toMatchObject({
      rawPath: "/intake/webhook",
      rawQueryString: "x=1&x=2",
      queryStringParameters: { x: "1,2" },
      cookies: ["a=1", "b=2"],
      body,
      isBase64Encoded: false,
      requestContext: { http: { method: "POST", path: "/intake/webhook", sourceIp: "127.0.0.1" } },
    });
    expect(last?.headers["webhook-id"]).toBe("msg_1");
    expect(last?.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
  });

  it("refuses a body over the limit", async () => {
    const response = await fetch(url, { method: "POST", body: "x".repeat(2048) });
    expect(response.status).toBe(413);
  });
});
