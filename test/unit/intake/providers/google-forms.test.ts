import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { InvalidInputError, SignatureError } from "#errors";
import { mapSubmission } from "#intake/mapping/mapper.ts";
import { parseGoogleForms, verifyGoogleForms } from "#intake/providers/google-forms/google-forms.ts";
import { receiveProviderForm } from "#intake/receive.ts";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import {
  depsWith,
  exampleMapping,
  fixedClock,
  fixtureText,
  standardWebhooksVectors,
  TEST_SECRETS,
} from "./support.ts";

const secret = TEST_SECRETS["google-forms"];
const body = fixtureText("google-forms/applicant-intake.body.json");
const mapping = exampleMapping("google-forms-applicant-intake.json");

interface Vector {
  secret: string;
  payload: string;
  timestamp: number;
  headers: Record<string, string>;
}
const vectors = JSON.parse(standardWebhooksVectors()) as {
  sign: Vector[];
  negative: { name: string; "webhook-signature"?: string }[];
};
const official = vectors.sign[0] as Vector;

describe("Google Forms route: Standard Webhooks verification", () => {
  const atVectorTime = fixedClock(new Date(official.timestamp * 1000).toISOString());

  it("accepts the official Standard Webhooks vector (then reads its body, which is no form: 422)", async () => {
    expect(() =>
      verifyGoogleForms(official.payload, official.headers, official.secret, atVectorTime),
    ).not.toThrow();
    const deps = { ...depsWith([mapping], atVectorTime), secretFor: () => official.secret };
    const attempt = receiveProviderForm(
      "google-forms",
      { rawBody: official.payload, headers: official.headers },
      deps,
    );
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
  });

  it.each(
    vectors.negative
      .filter((v) => v["webhook-signature"] !== undefined)
      .map((v) => [v.name, v["webhook-signature"] as string]),
  )("rejects the official negative case: %s", (_, signature) => {
    const headers = { ...official.headers, "webhook-signature": signature };
    expect(() => verifyGoogleForms(official.payload, headers, official.secret, atVectorTime)).toThrow(
      SignatureError,
    );
  });

  it.each([
    ["tampered body", `${official.payload} `, official.headers, atVectorTime],
    ["missing webhook-id", official.payload, { ...official.headers, "webhook-id": undefined }, atVectorTime],
    [
      "missing webhook-signature",
      official.payload,
      { ...official.headers, "webhook-signature": undefined },
      atVectorTime,
    ],
    [
      "timestamp 5 min + 1 s old",
      official.payload,
      official.headers,
      fixedClock(new Date((official.timestamp + 301) * 1000).toISOString()),
    ],
    [
      "timestamp 5 min + 1 s ahead",
      official.payload,
      official.headers,
      fixedClock(new Date((official.timestamp - 301) * 1000).toISOString()),
    ],
  ])("rejects a %s", (_, payload, headers, clock) => {
    expect(() => verifyGoogleForms(payload, headers, official.secret, clock)).toThrow(SignatureError);
  });

  it("rejects a body signed with another secret", () => {
    const now = new Date("2026-09-01T12:00:00Z");
    const headers = signedHeaders("whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldC0xMjM0", "msg_1", body, now);
    expect(() => verifyGoogleForms(body, headers, secret, fixedClock(now.toISOString()))).toThrow(
      SignatureError,
    );
  });
});

describe("Google Forms: the script's body", () => {
  it("reads formId, responseId and each question title's answers", () => {
    const form = parseGoogleForms(body);
    expect(form).toMatchObject({
      provider: "google-forms",
      formId: "1FAIpQLSdMatchpathExampleIntakeForm000000000",
      submissionId: "2_ABaOnudExampleResponse0001",
    });
    expect(form.answers.get("Email")).toBe("Ana.Souza@example.com");
    expect(form.answers.get("Specialties")).toEqual(["Internal Medicine", "Family Medicine"]);
    expect(form.answers.has("Step 2 CK score")).toBe(false);
  });

  it("reads namedValues in the shape of Google's documented form-submit event", () => {
    const namedValues = JSON.parse(
      fixtureText("google-forms/webhook-body.namedValues.derived.json"),
    ) as unknown;
    const form = parseGoogleForms(JSON.stringify({ formId: "f", responseId: "r", namedValues }));
    expect(Object.fromEntries(form.answers)).toEqual({
      "First Name": "Jane",
      Timestamp: "6/7/2015 20:54:13",
      "Last Name": "Doe",
    });
  });

  it("maps onto the example intake mapping, milestones included", () => {
    expect(mapSubmission(mapping, parseGoogleForms(body))).toMatchObject({
      type: "applicant.snapshot",
      submissionId: "google-forms:2_ABaOnudExampleResponse0001",
      applicant: { email: "ana.souza@example.com", medicalSchool: { country: "BR", wdomsSponsorNote: true } },
      milestones: [
        { key: "usmle_step1", status: "done" },
        { key: "usmle_step2ck", status: "scheduled", date: "2026-08-20" },
      ],
    });
  });
});

/**
 * Runs the shipped Apps Script in a VM with the Apps Script services it uses, implemented after their
 * documented behaviour (Java byte[] as signed bytes), and feeds the request it makes to the route.
 */
describe("the shipped Apps Script (apps-script.gs)", () => {
  const script = readFileSync(
    join(import.meta.dirname, "../../../../shared/intake/providers/google-forms/apps-script.gs"),
    "utf8",
  );
  const signed = (bytes: Uint8Array) =>
    Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  const unsigned = (bytes: number[]) => Buffer.from(Uint8Array.from(bytes, (b) => b & 0xff));

  function runScript(itemResponses: [string, string | string[]][], respondentEmail = "") {
    const requests: {
      url: string;
      options: { payload: number[]; headers: Record<string, string>; contentType: string };
    }[] = [];
    const context = createContext({
      Date,
      JSON,
      String,
      Array,
      Object,
      Math,
      Utilities: {
        newBlob: (text: string) => ({ getBytes: () => signed(Buffer.from(text, "utf8")) }),
        base64Decode: (text: string) => signed(Buffer.from(text, "base64")),
        base64Encode: (bytes: number[]) => unsigned(bytes).toString("base64"),
        computeHmacSha256Signature: (value: number[], key: number[]) =>
          signed(createHmac("sha256", unsigned(key)).update(unsigned(value)).digest()),
        sleep: () => undefined,
      },
      PropertiesService: {
        getScriptProperties: () => ({
          getProperty: (name: string) =>
            ({ MATCHPATH_URL: "https://api.example.org/intake/google-forms", MATCHPATH_SECRET: secret })[
              name
            ] ?? null,
        }),
      },
      FormApp: { getActiveForm: () => ({ getId: () => "1FAIpQLSdMatchpathExampleIntakeForm000000000" }) },
      UrlFetchApp: {
        fetch: (url: string, options: (typeof requests)[number]["options"]) => {
          requests.push({ url, options });
          return { getResponseCode: () => 200, getContentText: () => "" };
        },
      },
    });
    runInContext(script, context);
    const event = {
      response: {
        getId: () => "2_ABaOnudScriptRun0001",
        getRespondentEmail: () => respondentEmail,
        getItemResponses: () =>
          itemResponses.map(([title, answer]) => ({
            getItem: () => ({ getTitle: () => title }),
            getResponse: () => answer,
          })),
      },
    };
    (runInContext("sendToMatchpath", context) as (e: unknown) => void)(event);
    return requests;
  }

  it("sends a request the route verifies and maps to a snapshot", async () => {
    const [request] = runScript([
      ["Applicant ID", "IMG-2027-0555"],
      ["Email", "kofi.mensah@example.com"],
      ["Full name", "Kofi Mensah"],
      ["Time zone", "Africa/Accra"],
      ["Match year", "2027"],
      ["Specialties", ["Internal Medicine"]],
      ["Visa", "H-1B"],
      ["Graduation date", "2025-07-30"],
      ["Medical school", "Kwame Nkrumah University of Science and Technology — School of Medicine"],
      ["Country of the medical school (2-letter code)", "gh"],
      ["Does WDOMS show an ECFMG sponsor note for your school?", "I have not checked"],
      ["How many programs will you apply to?", "90"],
      ["USMLE Step 1", "Passed"],
    ]);
    expect(request?.url).toBe("https://api.example.org/intake/google-forms");
    const rawBody = unsigned(request?.options.payload ?? []);
    const result = await receiveProviderForm(
      "google-forms",
      { rawBody, headers: request?.options.headers ?? {} },
      depsWith([mapping], { now: () => new Date() }),
    );
    expect(result.source).toEqual({ provider: "google-forms", submissionId: "2_ABaOnudScriptRun0001" });
    expect(result.submission).toMatchObject({
      applicant: {
        fullName: "Kofi Mensah",
        visa: "H-1B",
        medicalSchool: { country: "GH", wdomsSponsorNote: null },
        specialties: ["Internal Medicine"],
      },
      milestones: [{ key: "usmle_step1", status: "done" }],
    });
  });

  it("signs the exact bytes it sends (a non-ASCII answer survives) and adds the respondent's email", () => {
    const [request] = runScript([["Medical school", "Universidad de Córdoba"]], "ana@example.com");
    const rawBody = unsigned(request?.options.payload ?? []);
    expect(JSON.parse(rawBody.toString("utf8"))).toEqual({
      formId: "1FAIpQLSdMatchpathExampleIntakeForm000000000",
      responseId: "2_ABaOnudScriptRun0001",
      namedValues: { "Medical school": ["Universidad de Córdoba"], "Email address": ["ana@example.com"] },
    });
    expect(() =>
      verifyGoogleForms(rawBody, request?.options.headers ?? {}, secret, { now: () => new Date() }),
    ).not.toThrow();
  });
});
