import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { SubmissionSchema } from "#domain/snapshot.ts";
import { InvalidInputError, SignatureError } from "#errors";
import type { ProviderName, ProviderRequest } from "#intake/providers/common.ts";
import { signTally } from "#intake/providers/tally/tally.ts";
import { signTypeform } from "#intake/providers/typeform/typeform.ts";
import { receiveProviderForm, UnknownFormError } from "#intake/receive.ts";
import { sign as signStandardWebhook } from "#intake/standard-webhooks.ts";
import {
  crlf,
  depsWith,
  EXAMPLE_MAPPINGS,
  exampleMapping,
  fixedClock,
  fixtureBytes,
  fixtureText,
  TEST_SECRETS,
} from "./providers/support.ts";

/**
 * Property: whatever arrives — random bytes, mutated published examples, provider-shaped bodies with
 * random answers, right or wrong signatures — a provider route either returns a submission that passes
 * SubmissionSchema, or throws one of the three named errors the HTTP layer maps to 401/404/422.
 * Anything else would be a 5xx. FUZZ_RUNS=10000 for a full run; the default run is modest.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const NOW = new Date("2026-09-01T12:00:00Z");
// The interview examples too: their date, time, zone and appointment answers meet the same fuzz.
const INTERVIEW_MAPPINGS = ["tally-interview-report.json", "jotform-interview-booking.json"] as const;
const mappings = [...EXAMPLE_MAPPINGS, ...INTERVIEW_MAPPINGS].map(exampleMapping);
const deps = depsWith(mappings, fixedClock(NOW.toISOString()));
const counts: Record<
  string,
  { cases: number; accepted: number; ms: number; byError: Record<string, number> }
> = {};

async function outcome(provider: ProviderName, request: ProviderRequest): Promise<void> {
  const tally = counts[provider] ?? { cases: 0, accepted: 0, ms: 0, byError: {} };
  counts[provider] = tally;
  tally.cases++;
  try {
    const result = await receiveProviderForm(provider, request, deps);
    expect(SubmissionSchema.safeParse(result.submission).success).toBe(true);
    expect(result.source.provider).toBe(provider);
    expect(result.source.submissionId.length).toBeGreaterThan(0);
    tally.accepted++;
  } catch (error) {
    const named =
      error instanceof SignatureError ||
      error instanceof UnknownFormError ||
      error instanceof InvalidInputError;
    if (!named) throw error;
    tally.byError[error.name] = (tally.byError[error.name] ?? 0) + 1;
    if (error instanceof InvalidInputError) {
      expect(error.problems.length).toBeGreaterThan(0);
      for (const problem of error.problems) expect(typeof problem.path).toBe("string");
    }
  }
}

// Answers: everything a JSON body can hold, and, often, values the example mappings accept.
const plausible = fc.constantFrom(
  "14:30",
  "02:30",
  "2027-03-14",
  "Cancelled",
  "Invited / booked",
  "Central (Chicago)",
  "2026-12-11 20:00",
  "London",
  "Sydney",
  "Yes",
  "No",
  "2026-08-20",
  "2025-02-30",
  "Passed",
  "Scheduled",
  "In progress",
  "J-1",
  "Online Tutoring",
  "Math",
  "12",
  "IMG-1",
  "a@example.com",
  "Asia/Kolkata",
  "br",
  "2027",
  "",
);
const anyAnswer = fc.oneof(
  { weight: 3, arbitrary: plausible },
  { weight: 2, arbitrary: fc.string() },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(plausible, fc.string()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), plausible), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const someId = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/),
  fc.string(),
  fc.integer(),
  fc.constant(null),
);
const headerMap = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      "typeform-signature",
      "Tally-Signature",
      "content-type",
      "webhook-id",
      "webhook-timestamp",
      "webhook-signature",
    ),
    fc.string({ maxLength: 12 }),
  ),
  fc.oneof(fc.string(), fc.constantFrom("sha256=", "v1,", "1788264000", "multipart/form-data; boundary=x")),
  { maxKeys: 5 },
);
const randomBody = fc.oneof(
  fc.string(),
  fc.uint8Array({ maxLength: 512 }),
  fc.jsonValue().map((value) => JSON.stringify(value)),
);

/** Flip, cut or splice a valid body. */
function mutated(body: Buffer): fc.Arbitrary<Buffer> {
  return fc.oneof(
    fc.tuple(fc.nat(body.length - 1), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
      const copy = Buffer.from(body);
      copy[at] = (copy[at] ?? 0) ^ xor;
      return copy;
    }),
    fc.nat(body.length).map((at) => body.subarray(0, at)),
    fc
      .tuple(fc.nat(body.length), fc.string({ maxLength: 20 }))
      .map(([at, text]) => Buffer.concat([body.subarray(0, at), Buffer.from(text), body.subarray(at)])),
  );
}

const typeformExample = fixtureBytes("typeform/example-payload.json");
const typeformRefs = [
  ...Object.keys(exampleMapping("typeform-applicant-intake.json").fields),
  "readable_ref_legal",
];
const typeformShaped = fc
  .record({
    event_id: someId,
    form_response: fc.record(
      {
        form_id: fc.oneof(fc.constant("lT4Z3j"), someId),
        token: someId,
        hidden: fc.record({ user_id: anyAnswer }, { requiredKeys: [] }),
        answers: fc.array(
          fc
            .tuple(
              fc.constantFrom(
                "text",
                "email",
                "number",
                "boolean",
                "date",
                "choice",
                "choices",
                "url",
                "phone_number",
                "file_url",
                "payment",
              ),
              anyAnswer,
              fc.oneof(fc.constantFrom(...typeformRefs), fc.string({ maxLength: 10 })),
            )
            .map(([type, value, ref]) => ({
              type,
              [type]: type === "choice" ? { label: value } : type === "choices" ? { labels: value } : value,
              field: { id: ref, ref },
            })),
          { maxLength: 12 },
        ),
      },
      { requiredKeys: ["form_id"] },
    ),
  })
  .map((body) => Buffer.from(JSON.stringify(body)));

const tallyExample = fixtureBytes("tally/example-webhook-event.json");
const tallyNames = [
  "question_3EKz4n",
  "Multiple choice",
  "Date",
  "Number",
  "Text",
  "question_3qL4Gm",
  ...Object.keys(exampleMapping("tally-interview-report.json").fields),
];
const tallyShaped = fc
  .record({
    eventId: someId,
    eventType: fc.oneof(fc.constant("FORM_RESPONSE"), fc.string()),
    data: fc.record(
      {
        formId: fc.oneof(fc.constant("VwbNEw"), fc.constant("nRpT3x"), someId),
        responseId: someId,
        fields: fc.array(
          fc.record(
            {
              key: fc.oneof(fc.constantFrom(...tallyNames), fc.string({ maxLength: 10 })),
              label: fc.oneof(fc.constantFrom(...tallyNames), fc.string({ maxLength: 10 })),
              type: fc.constantFrom(
                "INPUT_TEXT",
                "MULTIPLE_CHOICE",
                "INPUT_DATE",
                "INPUT_TIME",
                "INPUT_NUMBER",
                "SIGNATURE",
                "CHECKBOXES",
                "MATRIX",
              ),
              value: anyAnswer,
              options: fc.array(
                fc.record({ id: fc.oneof(plausible, fc.string()), text: fc.oneof(plausible, fc.string()) }),
                { maxLength: 4 },
              ),
            },
            { requiredKeys: ["key", "value"] },
          ),
          { maxLength: 10 },
        ),
      },
      { requiredKeys: ["formId"] },
    ),
  })
  .map((body) => Buffer.from(JSON.stringify(body)));

const JOTFORM_BOUNDARY = "------------------------J1JNT4vbVO4FCC1qLG4HSv";
const jotformExample = Buffer.from(crlf(fixtureText("jotform/applicant-intake.derived.multipart")));
const jotformKeys = [
  ...Object.keys(exampleMapping("jotform-applicant-intake.json").fields),
  ...Object.keys(exampleMapping("jotform-interview-booking.json").fields),
];
const jotformFields = fc.record(
  {
    formID: fc.oneof(
      fc.constant("243231271343446"),
      fc.constant("253400000000002"),
      fc.string({ maxLength: 16 }),
    ),
    submissionID: fc.oneof(fc.stringMatching(/^\d{1,19}$/), fc.string({ maxLength: 12 })),
    rawRequest: fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .dictionary(fc.oneof(fc.constantFrom(...jotformKeys), fc.string({ maxLength: 8 })), anyAnswer)
          .map((d) => JSON.stringify(d)),
      },
      fc.string(),
    ),
  },
  { requiredKeys: [] },
);
function multipartOf(fields: Record<string, string>): string {
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${JOTFORM_BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return `${parts.join("")}--${JOTFORM_BOUNDARY}--\r\n`;
}
const jotformShaped = fc.oneof(
  jotformFields.map((fields) => ({
    body: multipartOf(fields),
    type: `multipart/form-data; boundary=${JOTFORM_BOUNDARY}`,
  })),
  jotformFields.map((fields) => ({
    body: new URLSearchParams(fields).toString(),
    type: "application/x-www-form-urlencoded",
  })),
  jotformFields.map((fields) => ({ body: JSON.stringify(fields), type: "application/json" })),
  fc
    .tuple(
      randomBody,
      fc.oneof(fc.string(), fc.constant(`multipart/form-data; boundary=${JOTFORM_BOUNDARY}`)),
    )
    .map(([body, type]) => ({ body, type })),
);

const googleExample = Buffer.from(fixtureText("google-forms/applicant-intake.body.json"));
const googleTitles = Object.keys(exampleMapping("google-forms-applicant-intake.json").fields);
const googleShaped = fc
  .record(
    {
      formId: fc.oneof(fc.constant("1FAIpQLSdMatchpathExampleIntakeForm000000000"), someId),
      responseId: someId,
      namedValues: fc.oneof(
        {
          weight: 5,
          arbitrary: fc.dictionary(
            fc.oneof(fc.constantFrom(...googleTitles), fc.string({ maxLength: 10 })),
            anyAnswer,
          ),
        },
        fc.jsonValue(),
      ),
    },
    { requiredKeys: [] },
  )
  .map((body) => Buffer.from(JSON.stringify(body)));

/** The example with a few answers replaced: mostly valid submissions, so the accepting path is fuzzed too. */
const googleExampleJson = JSON.parse(googleExample.toString()) as { namedValues: Record<string, unknown> };
const googleNearExample = fc
  .dictionary(fc.constantFrom(...googleTitles), fc.oneof(anyAnswer, fc.array(plausible, { maxLength: 2 })), {
    maxKeys: 3,
  })
  .map((over) =>
    Buffer.from(
      JSON.stringify({ ...googleExampleJson, namedValues: { ...googleExampleJson.namedValues, ...over } }),
    ),
  );

const tallyExampleJson = JSON.parse(tallyExample.toString()) as { data: { fields: { value: unknown }[] } };
const tallyNearExample = fc
  .dictionary(fc.nat(tallyExampleJson.data.fields.length - 1).map(String), anyAnswer, { maxKeys: 3 })
  .map((over) => {
    const copy = structuredClone(tallyExampleJson);
    for (const [index, value] of Object.entries(over)) {
      const field = copy.data.fields[Number(index)];
      if (field) field.value = value;
    }
    return Buffer.from(JSON.stringify(copy));
  });

const sign = {
  typeform: (body: Buffer | string) => ({ "typeform-signature": signTypeform(body, TEST_SECRETS.typeform) }),
  tally: (body: Buffer | string) => ({ "tally-signature": signTally(body, TEST_SECRETS.tally) }),
  google: (body: Buffer | string, id = "msg_fuzz") => {
    const timestamp = Math.floor(NOW.getTime() / 1000);
    return {
      "webhook-id": id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signStandardWebhook(TEST_SECRETS["google-forms"], id, timestamp, body),
    };
  },
};

describe(`fuzzing every provider route (${RUNS} cases each)`, () => {
  afterAll(() => {
    for (const [provider, tally] of Object.entries(counts)) {
      console.info(
        `fuzz ${provider}: ${tally.cases} cases in ${tally.ms} ms; accepted ${tally.accepted}; refused ${JSON.stringify(tally.byError)}`,
      );
    }
  });

  async function fuzz(provider: ProviderName, arbitrary: fc.Arbitrary<ProviderRequest>): Promise<void> {
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(arbitrary, (request) => outcome(provider, request)),
      { numRuns: RUNS },
    );
    const tally = counts[provider];
    if (tally) tally.ms = Math.round(performance.now() - started);
  }

  const timeout = Math.max(60_000, RUNS * 20);

  it("typeform", { timeout }, async () => {
    await fuzz(
      "typeform",
      fc.oneof(
        fc.tuple(randomBody, headerMap).map(([rawBody, headers]) => ({ rawBody, headers })),
        mutated(typeformExample).map((rawBody) => ({ rawBody, headers: sign.typeform(rawBody) })),
        mutated(typeformExample).map((rawBody) => ({ rawBody, headers: sign.typeform(typeformExample) })),
        {
          weight: 3,
          arbitrary: typeformShaped.map((rawBody) => ({ rawBody, headers: sign.typeform(rawBody) })),
        },
        fc
          .tuple(typeformShaped, fc.string())
          .map(([rawBody, signature]) => ({ rawBody, headers: { "typeform-signature": signature } })),
      ),
    );
  });

  it("tally", { timeout }, async () => {
    await fuzz(
      "tally",
      fc.oneof(
        fc.tuple(randomBody, headerMap).map(([rawBody, headers]) => ({ rawBody, headers })),
        mutated(tallyExample).map((rawBody) => ({ rawBody, headers: sign.tally(rawBody) })),
        mutated(tallyExample).map((rawBody) => ({ rawBody, headers: sign.tally(tallyExample) })),
        { weight: 3, arbitrary: tallyShaped.map((rawBody) => ({ rawBody, headers: sign.tally(rawBody) })) },
        {
          weight: 2,
          arbitrary: tallyNearExample.map((rawBody) => ({ rawBody, headers: sign.tally(rawBody) })),
        },
        // Signed in Tally's re-serialised form, sent pretty-printed.
        tallyShaped.map((compact) => {
          const pretty = JSON.stringify(JSON.parse(compact.toString()), null, 2);
          return { rawBody: pretty, headers: sign.tally(compact) };
        }),
      ),
    );
  });

  it("jotform", { timeout }, async () => {
    const token = TEST_SECRETS.jotform;
    const anyQuery = fc.dictionary(fc.oneof(fc.constant("token"), fc.string({ maxLength: 6 })), fc.string(), {
      maxKeys: 3,
    });
    await fuzz(
      "jotform",
      fc.oneof(
        fc
          .tuple(randomBody, headerMap, anyQuery)
          .map(([rawBody, headers, query]) => ({ rawBody, headers, query })),
        mutated(jotformExample).map((rawBody) => ({
          rawBody,
          headers: { "content-type": `multipart/form-data; boundary=${JOTFORM_BOUNDARY}` },
          query: { token },
        })),
        {
          weight: 3,
          arbitrary: jotformShaped.map(({ body, type }) => ({
            rawBody: body,
            headers: { "content-type": type },
            query: { token },
          })),
        },
        jotformShaped.map(({ body, type }) => ({
          rawBody: body,
          headers: { "content-type": type },
          query: { token: `${token}x` },
        })),
      ),
    );
  });

  it("google-forms", { timeout }, async () => {
    await fuzz(
      "google-forms",
      fc.oneof(
        fc.tuple(randomBody, headerMap).map(([rawBody, headers]) => ({ rawBody, headers })),
        mutated(googleExample).map((rawBody) => ({ rawBody, headers: sign.google(rawBody) })),
        mutated(googleExample).map((rawBody) => ({ rawBody, headers: sign.google(googleExample) })),
        { weight: 3, arbitrary: googleShaped.map((rawBody) => ({ rawBody, headers: sign.google(rawBody) })) },
        {
          weight: 2,
          arbitrary: googleNearExample.map((rawBody) => ({ rawBody, headers: sign.google(rawBody) })),
        },
        fc
          .tuple(googleShaped, fc.string({ maxLength: 30 }))
          .map(([rawBody, id]) => ({ rawBody, headers: { ...sign.google(rawBody), "webhook-id": id } })),
      ),
    );
  });
});
