import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { MAPPING_FOLDERS, PROVIDERS } from "#intake/providers/list.ts";
import { signTally } from "#intake/providers/tally/tally.ts";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { parseKeyring } from "#links/link-token.ts";
import { FixedClock, InMemoryApplicantStore, storePorts } from "#test/unit/usecases/fakes.ts";
import { createHttpApi } from "../../../../functions/http-api/app.ts";
import { formIntakeFromFolders } from "../../../../functions/http-api/form-mappings.ts";
import { httpEvent } from "../../functions/events.ts";
import { fixtureText, TEST_SECRETS } from "./support.ts";

/**
 * Bilal, in Karachi (UTC+5), answers the Tally progress form "Done" with a date ahead. A progress
 * update names no zone, so the intake first holds the date to the earliest zone (UTC+14), then, once
 * Bilal is found, to his own. Either refusal must name the form's field ("Date") and the step, as the
 * form's other refusals do, and say which zone's today it held the date to without calling UTC+14 his.
 */
const ROOT = new URL("../../../../", import.meta.url).pathname;
// 12:00 UTC: 1 Sep in Karachi (17:00), already 2 Sep in Pacific/Kiritimati (02:00).
const now = new Date("2026-09-01T12:00:00Z");

async function bilalThen(date: string) {
  const store = new InMemoryApplicantStore();
  const secrets = Object.fromEntries(PROVIDERS.map((p) => [p, async () => TEST_SECRETS[p]]));
  const api = createHttpApi({
    ...storePorts(store),
    clock: new FixedClock(now),
    signatureClock: new FixedClock(now),
    webhookSecret: async () => "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    unsubscribeKeys: { keyring: async () => parseKeyring(`k1=${"u".repeat(40)}`) },
    logger: new Logger({ logLevel: "SILENT" }),
    forms: formIntakeFromFolders(
      secrets,
      MAPPING_FOLDERS.map((folder) => `${ROOT}${folder}`),
    ),
  });
  const intake = JSON.parse(fixtureText("google-forms/applicant-intake.body.json")) as {
    namedValues: Record<string, string[]>;
  };
  Object.assign(intake.namedValues, {
    "Applicant ID": ["bilal-karachi"],
    "Full name": ["Bilal Ahmed"],
    Email: ["bilal.ahmed@example.org"],
    "Time zone": ["Asia/Karachi"],
  });
  const googleBody = JSON.stringify(intake);
  const created = await api(
    httpEvent({
      method: "POST",
      path: "/intake/google-forms",
      headers: {
        "content-type": "application/json",
        ...signedHeaders(TEST_SECRETS["google-forms"], "msg_bilal", googleBody, now),
      },
      body: googleBody,
    }),
  );
  expect(created.statusCode).toBe(202);

  const event = JSON.parse(fixtureText("tally/example-webhook-event.json")) as {
    data: {
      fields: { key: string; label: string; value: unknown; options?: { id: string; text: string }[] }[];
    };
  };
  event.data.fields = event.data.fields.filter((field) => field.label !== "Number");
  for (const field of event.data.fields) {
    if (field.key === "question_3EKz4n") field.value = "bilal-karachi";
    if (field.label === "Date") field.value = date;
    if (field.label === "Multiple choice")
      field.value = [field.options?.find((option) => option.text === "Done")?.id];
  }
  const tallyBody = Buffer.from(JSON.stringify(event));
  const response = await api(
    httpEvent({
      method: "POST",
      path: "/intake/tally",
      headers: {
        "content-type": "application/json",
        "tally-signature": signTally(tallyBody, TEST_SECRETS.tally),
      },
      body: tallyBody.toString(),
    }),
  );
  expect(response.statusCode).toBe(422);
  expect(response.headers?.["content-type"]).toBe("application/problem+json");
  return JSON.parse(response.body ?? "{}") as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors: { path: string; field?: string; message: string }[];
  };
}

describe("a Tally progress update marking a step done on a date ahead", () => {
  it("after today everywhere: names the form's Date field and the step, and says the date is after today on Earth", async () => {
    const problem = await bilalThen("2026-09-20");
    expect(problem).toMatchObject({ status: 422, detail: "The submission marks a step done in the future" });
    expect(problem.errors).toEqual([
      {
        path: "milestones.usmle_step2ck.date",
        field: "Date",
        message:
          'Tally field "Date": must be a date YYYY-MM-DD no later than today, not in the future: 2026-09-20 is after today everywhere on Earth (2026-09-02 is the latest today, in Pacific/Kiritimati, UTC+14)',
      },
    ]);
    expect(problem.errors[0]?.message).not.toContain("applicant's zone");
  });

  it("today further east but tomorrow in Karachi: names the field and Bilal's own zone", async () => {
    const problem = await bilalThen("2026-09-02");
    expect(problem.errors).toEqual([
      {
        path: "milestones.usmle_step2ck.date",
        field: "Date",
        message:
          'Tally field "Date": must be a date YYYY-MM-DD no later than today in the applicant\'s zone (2026-09-01, Asia/Karachi), not in the future',
      },
    ]);
  });
});
