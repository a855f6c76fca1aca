import { Logger } from "@aws-lambda-powertools/logger";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { signTally } from "#intake/providers/tally/tally.ts";
import { signTypeform } from "#intake/providers/typeform/typeform.ts";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { parseKeyring } from "#links/link-token.ts";
import { createUnsubscribeToken } from "#links/unsubscribe-token.ts";
import { CallCounter } from "#test/bench/support/call-counter.ts";
import { dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { MemoryTable } from "../../bench/support/memory-table.ts";
import { EXAMPLE_MAPPINGS, exampleMapping, fixtureBytes, TEST_SECRETS } from "../intake/providers/support.ts";
import { httpEvent } from "./events.ts";

/**
 * Property over EVERY route of the HTTP API, on a healthy store (the real DynamoDB adapter over the
 * bench's in-memory DynamoDB, which refuses what DynamoDB refuses: one item twice in a transaction,
 * more than 100 actions, items over 400 KB): whatever arrives, the answer is never a 5xx. Bodies are
 * mostly correctly signed, so they reach validation and the store: snapshots and updates with random
 * mutations (repeated interviews, too many, deep nesting, wrong types), provider payloads mutated,
 * one-click bodies with random boundaries. FUZZ_RUNS=10000 for a full run; npm test runs a few hundred.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const NOW = new Date("2026-09-01T12:00:00Z");
const webhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const unsubscribeKeyring = parseKeyring(`k1=${"u".repeat(40)}`);
const mappings = EXAMPLE_MAPPINGS.map(exampleMapping);
const table = new MemoryTable({ counter: new CallCounter() });
const api = createHttpApi({
  ...dynamoRepositories({ client: table.client("http-api"), tableName: "fuzz" }),
  clock: { now: () => NOW },
  signatureClock: { now: () => NOW },
  webhookSecret: async () => webhookSecret,
  unsubscribeKeys: { keyring: async () => unsubscribeKeyring },
  logger: new Logger({ logLevel: "SILENT" }),
  forms: {
    secrets: {
      typeform: async () => TEST_SECRETS.typeform,
      tally: async () => TEST_SECRETS.tally,
      jotform: async () => TEST_SECRETS.jotform,
      "google-forms": async () => TEST_SECRETS["google-forms"],
    },
    mappingFor: async (provider, formId) =>
      mappings.find((mapping) => mapping.provider === provider && mapping.formId === formId),
  },
});
const statuses: Record<string, Record<number, number>> = {};
const KNOWN_ROUTES = new Set([
  "/health",
  "/intake/webhook",
  "/unsubscribe",
  "/intake/typeform",
  "/intake/tally",
  "/intake/jotform",
  "/intake/google-forms",
]);

const interview = fc.record(
  {
    id: fc.oneof(fc.constantFrom("iv-1", "iv-2", "iv_x"), fc.string({ maxLength: 6 })),
    program: fc.oneof(fc.constantFrom("Mercy IM", " Mercy IM ", "Other"), fc.string({ maxLength: 8 })),
    startsAt: fc.constantFrom("2026-11-02T14:00:00-05:00", "2026-11-03T09:00:00Z", "tomorrow"),
    timezone: fc.constantFrom("America/Chicago", "Asia/Kolkata", "Mars/Base"),
    format: fc.constantFrom("virtual", "in_person", "phone"),
    status: fc.constantFrom("scheduled", "cancelled"),
  },
  { requiredKeys: ["program", "startsAt", "timezone", "format"] },
);
const milestone = fc.record(
  {
    key: fc.constantFrom("usmle_step1", "usmle_step2ck", "lors", "eras_application", "cv", "nope"),
    status: fc.constantFrom("not_started", "in_progress", "scheduled", "done", "waived", "maybe"),
    date: fc.constantFrom("2026-08-20", "2025-02-30", "soon"),
    score: fc.oneof(fc.integer({ min: -5, max: 1200 }), fc.double()),
    note: fc.string({ maxLength: 30 }),
  },
  { requiredKeys: ["key", "status"] },
);
/** Any JSON, sometimes nested far deeper than anything Matchpath reads. */
const wild = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc
    .integer({ min: 1, max: 200 })
    .map((depth) => JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`) as unknown),
);
const externalId = fc.constantFrom("ada", "bola", "chen", " ada ");
const email = fc.constantFrom("ada@example.com", "bola@example.org", "nobody@example.net", "not-an-email");
const snapshot = fc.record({
  type: fc.constantFrom("applicant.snapshot", "milestone.update", "other"),
  submissionId: fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,12}$/), fc.string({ maxLength: 4 })),
  applicant: fc.oneof(
    fc.record({
      externalId,
      email,
      fullName: fc.constantFrom("Ada Okafor", "", "Bola Ade"),
      timezone: fc.constantFrom("Africa/Lagos", "UTC", "+05:00"),
      matchYear: fc.constantFrom(2027, 2028, 1999),
      specialties: fc.constantFrom(["Internal Medicine"], [], ["Pediatrics", "Pediatrics"]),
      visa: fc.constantFrom("J-1", "H-1B", "none", "B-2"),
      graduation: fc.constantFrom("2024-06-30", "2024-13-01"),
      medicalSchool: fc.constant({ name: "University of Lagos", country: "NG", wdomsSponsorNote: true }),
      programsPlanned: fc.integer({ min: -1, max: 1001 }),
    }),
    fc.record({ externalId }),
    fc.record({ email }),
    wild,
  ),
  milestones: fc.oneof(fc.array(milestone, { maxLength: 24 }), wild),
  interviews: fc.oneof(
    fc.array(interview, { maxLength: 8 }),
    fc
      .integer({ min: 30, max: 45 })
      .chain((count) => fc.array(interview, { minLength: count, maxLength: count })),
    wild,
  ),
  extra: wild,
});
/** A snapshot or update the contract takes, but for its interviews, which often repeat an id or a start. */
const plausible = fc.record({
  type: fc.constantFrom("applicant.snapshot", "milestone.update"),
  submissionId: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
  applicant: fc.record({
    externalId,
    email: fc.constantFrom("ada@example.com", "bola@example.org"),
    fullName: fc.constant("Ada Okafor"),
    timezone: fc.constant("Africa/Lagos"),
    matchYear: fc.constant(2027),
    specialties: fc.constant(["Internal Medicine"]),
    visa: fc.constantFrom("J-1", "H-1B"),
    graduation: fc.constant("2024-06-30"),
    medicalSchool: fc.constant({ name: "University of Lagos", country: "NG", wdomsSponsorNote: true }),
    programsPlanned: fc.constant(80),
  }),
  milestones: fc.uniqueArray(
    fc.record({
      key: fc.constantFrom("usmle_step1", "usmle_step2ck", "lors", "cv"),
      status: fc.constantFrom("not_started", "done"),
    }),
    { selector: (entry) => entry.key, minLength: 1, maxLength: 4 },
  ),
  interviews: fc.array(
    fc.record(
      {
        id: fc.constantFrom("iv-1", "iv-2", "iv_7sxj2ch4rk5xkc7obwe2"),
        program: fc.constantFrom("Mercy IM", " Mercy IM "),
        startsAt: fc.constantFrom("2026-11-02T14:00:00-05:00", "2026-11-03T09:00:00Z"),
        timezone: fc.constant("America/Chicago"),
        format: fc.constant("virtual"),
      },
      { requiredKeys: ["program", "startsAt", "timezone", "format"] },
    ),
    { maxLength: 40 },
  ),
});
const jsonText = fc.oneof(
  { weight: 4, arbitrary: plausible.map((value) => JSON.stringify(value)) },
  { weight: 6, arbitrary: snapshot.map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 30, max: 30_000 })
      .map((depth) => `{"a":${"[".repeat(depth)}${"]".repeat(depth)}}`),
  },
);

function mutated(body: Buffer): fc.Arbitrary<Buffer> {
  return fc.oneof(
    fc.constant(body),
    fc.tuple(fc.nat(body.length - 1), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
      const copy = Buffer.from(body);
      copy[at] = (copy[at] ?? 0) ^ xor;
      return copy;
    }),
    fc.nat(body.length).map((at) => body.subarray(0, at)),
    fc
      .integer({ min: 30, max: 5000 })
      .map((depth) =>
        Buffer.from(body.toString("utf8").replace(/\{/, `{"deep":${"[".repeat(depth)}${"]".repeat(depth)},`)),
      ),
  );
}

type Request = Parameters<typeof httpEvent>[0];

const webhook = jsonText.map(
  (body): Request => ({
    method: "POST",
    path: "/intake/webhook",
    headers: { "content-type": "application/json", ...signedHeaders(webhookSecret, "msg_f", body, NOW) },
    body,
  }),
);
const typeform = mutated(fixtureBytes("typeform/example-payload.json")).map(
  (body): Request => ({
    method: "POST",
    path: "/intake/typeform",
    headers: {
      "content-type": "application/json",
      "typeform-signature": signTypeform(body, TEST_SECRETS.typeform),
    },
    body,
  }),
);
const tally = mutated(fixtureBytes("tally/example-webhook-event.json")).map(
  (body): Request => ({
    method: "POST",
    path: "/intake/tally",
    headers: { "content-type": "application/json", "tally-signature": signTally(body, TEST_SECRETS.tally) },
    body,
  }),
);
const jotformMultipart = fixtureBytes("jotform/response.multipart")
  .toString("utf8")
  .replace(/\r?\n/g, "\r\n");
const jotformBoundary = /^--(.+?)\r\n/.exec(jotformMultipart)?.[1] ?? "x";
const jotform = fc
  .oneof(
    mutated(Buffer.from(jotformMultipart)).map((body) => ({
      body,
      type: `multipart/form-data; boundary=${jotformBoundary}`,
    })),
    jsonText.map((text) => ({
      body: Buffer.from(`{"formID":"1","submissionID":"2","rawRequest":${text}}`),
      type: "application/json",
    })),
  )
  .map(
    ({ body, type }): Request => ({
      method: "POST",
      path: "/intake/jotform",
      query: `token=${TEST_SECRETS.jotform}`,
      headers: { "content-type": type },
      body,
    }),
  );
const googleForms = mutated(fixtureBytes("google-forms/applicant-intake.body.json")).map(
  (body): Request => ({
    method: "POST",
    path: "/intake/google-forms",
    headers: {
      "content-type": "application/json",
      ...signedHeaders(TEST_SECRETS["google-forms"], "msg_g", body.toString("utf8"), NOW),
    },
    body: body.toString("utf8"),
  }),
);
const token = fc
  .constantFrom("a_ada", "a_nobody")
  .map((applicantId) => createUnsubscribeToken(unsubscribeKeyring, applicantId, NOW));
const boundary = fc.stringMatching(/^[A-Za-z0-9'()+_,./:=? -]{1,70}$/).filter((text) => !text.endsWith(" "));
const unsubscribe = fc.oneof(
  token.map(
    (value): Request => ({
      method: "GET",
      path: "/unsubscribe",
      query: `token=${encodeURIComponent(value)}`,
    }),
  ),
  fc.tuple(token, boundary, fc.constantFrom("One-Click", "one-click", "Yes"), fc.boolean()).map(
    ([value, mark, field, multipart]): Request => ({
      method: "POST",
      path: "/unsubscribe",
      query: `token=${encodeURIComponent(value)}`,
      headers: {
        "content-type": multipart
          ? `multipart/form-data; boundary="${mark}"`
          : "application/x-www-form-urlencoded",
      },
      body: Buffer.from(
        multipart
          ? `--${mark}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\n${field}\r\n--${mark}--\r\n`
          : `List-Unsubscribe=${field}`,
      ),
    }),
  ),
  fc.tuple(token, fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 60 })).map(
    ([value, body, type]): Request => ({
      method: "POST",
      path: "/unsubscribe",
      query: `token=${encodeURIComponent(value)}`,
      headers: { "content-type": type },
      body: Buffer.from(body),
    }),
  ),
);
const anywhere = fc
  .tuple(
    fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
    fc.oneof(
      fc.constantFrom("/health", "/intake/webhook", "/unsubscribe", "/intake/typeform", "/intake/nope", "/"),
      fc.string({ maxLength: 20 }).map((path) => `/${path}`),
    ),
    fc.uint8Array({ maxLength: 300 }),
    fc.dictionary(fc.constantFrom("content-type", "webhook-id", "x-any"), fc.string({ maxLength: 30 }), {
      maxKeys: 3,
    }),
  )
  .map(([method, path, body, headers]): Request => ({ method, path, headers, body: Buffer.from(body) }));

const request = fc.oneof(
  { weight: 5, arbitrary: webhook },
  { weight: 2, arbitrary: typeform },
  { weight: 2, arbitrary: tally },
  { weight: 2, arbitrary: jotform },
  { weight: 2, arbitrary: googleForms },
  { weight: 2, arbitrary: unsubscribe },
  { weight: 1, arbitrary: anywhere },
  { weight: 1, arbitrary: fc.constant<Request>({ method: "GET", path: "/health" }) },
);

describe("fuzz: every route of the HTTP API on a healthy store", () => {
  afterAll(() => {
    console.log(`[fuzz] ${RUNS} runs; status codes per route:`, JSON.stringify(statuses));
  });

  it(
    "never answers 5xx",
    async () => {
      await fc.assert(
        fc.asyncProperty(request, async (input) => {
          const response = await api(httpEvent(input));
          const status = response.statusCode ?? 500;
          const route = KNOWN_ROUTES.has(input.path) ? input.path : "(any other path)";
          const byRoute = statuses[route] ?? {};
          statuses[route] = byRoute;
          byRoute[status] = (byRoute[status] ?? 0) + 1;
          expect(status, `${input.method} ${input.path}: ${response.body}`).toBeLessThan(500);
        }),
        { numRuns: RUNS },
      );
      // A full run (FUZZ_RUNS=10000) takes a minute or more on 2 busy cores.
    },
    Math.max(60_000, RUNS * 60),
  );
});
