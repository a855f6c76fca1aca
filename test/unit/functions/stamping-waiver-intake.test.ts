import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { parseKeyring } from "#links/link-token.ts";
import { FixedClock, InMemoryApplicantStore, storePorts } from "#test/unit/usecases/fakes.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { httpEvent } from "./events.ts";

/**
 * The intake's side: "Not for me" on the H-1B visa stamping is a change of status,
 * which only someone already in the US can have. A snapshot from a zone outside the US that waives it
 * is refused with an RFC 9457 problem naming the field, the zone in its detail; nothing is stored.
 * The same answer from a US zone is taken.
 */
const webhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

function snapshotFrom(timezone: string) {
  return {
    type: "applicant.snapshot",
    submissionId: `stamping-${timezone.replace("/", "-")}`,
    applicant: {
      externalId: "tunde",
      email: "tunde@example.org",
      fullName: "Tunde Adeyemi",
      timezone,
      matchYear: 2027,
      specialties: ["Internal Medicine"],
      visa: "H-1B",
      graduation: "2024-07-15",
      medicalSchool: { name: "Example Medical College", country: "NG", wdomsSponsorNote: true },
      programsPlanned: 85,
    },
    milestones: [
      { key: "visa_h1b", status: "done", date: "2027-04-22" },
      { key: "visa_h1b_stamping", status: "waived" },
    ],
  };
}

function setup() {
  const store = new InMemoryApplicantStore();
  const api = createHttpApi({
    ...storePorts(store),
    clock: new FixedClock(new Date("2027-04-25T09:00:00Z")),
    webhookSecret: async () => webhookSecret,
    unsubscribeKeys: { keyring: async () => parseKeyring(`k1=${"u".repeat(40)}`) },
    logger: new Logger({ logLevel: "SILENT" }),
  });
  return { store, api };
}

function signedIntake(body: string) {
  return httpEvent({
    method: "POST",
    path: "/intake/webhook",
    headers: { "content-type": "application/json", ...signedHeaders(webhookSecret, "msg_1", body) },
    body,
  });
}

describe("the intake refuses the H-1B stamping waived outside the US", () => {
  it("answers problem+json naming milestones.1.status, the zone in its message, and stores nothing", async () => {
    const { api, store } = setup();
    const response = await api(signedIntake(JSON.stringify(snapshotFrom("Africa/Lagos"))));
    expect(response.statusCode).toBe(400);
    expect(response.headers?.["content-type"]).toBe("application/problem+json");
    const problem = JSON.parse(response.body ?? "") as {
      status: number;
      errors?: { path: string; message: string }[];
    };
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([
      {
        path: "milestones.1.status",
        message: expect.stringMatching(
          /^cannot be waived: the applicant's time zone \(Africa\/Lagos\) is outside the US, and only someone already in the US can have a change of status/,
        ),
      },
    ]);
    expect(store.calls.applySubmission).toBeUndefined();
  });

  it("takes the same answer from a US zone", async () => {
    const { api } = setup();
    const response = await api(signedIntake(JSON.stringify(snapshotFrom("America/Chicago"))));
    expect(response.statusCode).toBeLessThan(300);
  });
});
