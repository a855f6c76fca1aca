import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { targetKind } from "#intake/answers/targets.ts";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { parseKeyring } from "#links/link-token.ts";
import { FixedClock, InMemoryApplicantStore, storePorts } from "#test/unit/usecases/fakes.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { httpEvent } from "./events.ts";

// The Couples Match in the intake contract: an optional applicant flag,
// `couplesMatch`, taken as a yes/no; anything else is refused as RFC 9457 naming the field.
const webhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

const snapshot = {
  type: "applicant.snapshot",
  submissionId: "form-couple-1",
  applicant: {
    externalId: "ngozi",
    email: "ngozi@example.org",
    fullName: "Ngozi Eze",
    timezone: "Africa/Lagos",
    matchYear: 2027,
    specialties: ["Pediatrics"],
    visa: "J-1",
    graduation: "2025-07-01",
    medicalSchool: { name: "University of Lagos", country: "NG", wdomsSponsorNote: true },
    programsPlanned: 60,
  },
};

function setup() {
  const store = new InMemoryApplicantStore();
  const api = createHttpApi({
    ...storePorts(store),
    clock: new FixedClock(new Date("2030-01-01T00:00:00Z")),
    webhookSecret: async () => webhookSecret,
    unsubscribeKeys: { keyring: async () => parseKeyring(`k1=${"u".repeat(40)}`) },
    logger: new Logger({ logLevel: "SILENT" }),
  });
  return { store, api };
}

function signedIntake(payload: unknown) {
  const body = JSON.stringify(payload);
  return httpEvent({
    method: "POST",
    path: "/intake/webhook",
    headers: { "content-type": "application/json", ...signedHeaders(webhookSecret, "msg_couple", body) },
    body,
  });
}

describe("intake: couplesMatch", () => {
  it("accepts a partner in the Couples Match and keeps the flag on the applicant's profile", async () => {
    const { api, store } = setup();
    const couple = { ...snapshot, applicant: { ...snapshot.applicant, couplesMatch: true } };
    const response = await api(signedIntake(couple));
    expect(response.statusCode).toBe(202);
    expect(store.state("a_ngozi").profile.couplesMatch).toBe(true);
  });

  it("refuses a couplesMatch that is not true or false with 400 problem+json naming the field, and stores nothing", async () => {
    const { api, store } = setup();
    const bad = { ...snapshot, applicant: { ...snapshot.applicant, couplesMatch: "with Chidi" } };
    const response = await api(signedIntake(bad));
    expect(response.statusCode).toBe(400);
    expect(response.headers?.["content-type"]).toBe("application/problem+json");
    const problem = JSON.parse(response.body ?? "") as {
      status: number;
      errors?: { path: string; message: string }[];
    };
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([
      { path: "applicant.couplesMatch", message: expect.stringContaining("must be true or false") },
    ]);
    expect(store.calls.applySubmission).toBeUndefined();
  });

  it("a form answer mapped to applicant.couplesMatch reads as yes/no, as the WDOMS question does", () => {
    expect(targetKind("applicant.couplesMatch")).toBe("boolean");
  });
});
