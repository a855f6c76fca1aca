import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { parseKeyring } from "#links/link-token.ts";
import { FixedClock, InMemoryApplicantStore, storePorts } from "#test/unit/usecases/fakes.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { httpEvent } from "./events.ts";

/**
 * José's form gives "josé@exämple.org". Matchpath's sender cannot reach an address beyond ASCII, so
 * it is refused; the refusal must tell the form integrator that the accents are the problem, which
 * part holds them and what to do, in the RFC 9457 problem naming applicant.email. An ASCII address
 * with an apostrophe and a Punycode domain are still taken.
 */
const webhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

function snapshotWith(email: string, submissionId: string) {
  return {
    type: "applicant.snapshot",
    submissionId,
    applicant: {
      externalId: submissionId,
      email,
      fullName: "José Carvalho",
      timezone: "America/Sao_Paulo",
      matchYear: 2027,
      specialties: ["Internal Medicine"],
      visa: "J-1",
      graduation: "2024-12-15",
      medicalSchool: { name: "Universidade de São Paulo", country: "BR", wdomsSponsorNote: true },
      programsPlanned: 90,
    },
    milestones: [{ key: "usmle_step1", status: "done", date: "2025-05-01" }],
  };
}

function setup() {
  const store = new InMemoryApplicantStore();
  const api = createHttpApi({
    ...storePorts(store),
    clock: new FixedClock(new Date("2026-12-07T13:00:00Z")),
    webhookSecret: async () => webhookSecret,
    unsubscribeKeys: { keyring: async () => parseKeyring(`k1=${"u".repeat(40)}`) },
    logger: new Logger({ logLevel: "SILENT" }),
  });
  return { store, api };
}

async function send(api: ReturnType<typeof setup>["api"], email: string, id: string) {
  const body = JSON.stringify(snapshotWith(email, id));
  return api(
    httpEvent({
      method: "POST",
      path: "/intake/webhook",
      headers: { "content-type": "application/json", ...signedHeaders(webhookSecret, `msg_${id}`, body) },
      body,
    }),
  );
}

function emailProblem(response: { statusCode?: number; headers?: Record<string, unknown>; body?: string }) {
  expect(response.statusCode).toBe(400);
  expect(response.headers?.["content-type"]).toBe("application/problem+json");
  const problem = JSON.parse(response.body ?? "") as {
    type: string;
    status: number;
    errors?: { path: string; message: string }[];
  };
  expect(problem.status).toBe(400);
  return problem.errors?.filter((error) => error.path === "applicant.email") ?? [];
}

describe("an email address beyond ASCII at the intake", () => {
  it("says an accent before the @ is why, where it is, and to ask for another address", async () => {
    const { api, store } = setup();
    const errors = emailProblem(await send(api, "josé@example.org", "jose-local"));
    expect(errors).toEqual([
      {
        path: "applicant.email",
        message:
          "must be an email address in ASCII characters: it contains U+00E9, found at character 4, and Matchpath's sender (Amazon SES) sends only to ASCII addresses; ask the applicant for another address: one with accents or other letters before the @ cannot be sent to",
      },
    ]);
    expect(store.applicants.size).toBe(0);
  });

  it("says an accent in the domain is why and to give the domain's ASCII (Punycode) form", async () => {
    const { api } = setup();
    const [error] = emailProblem(await send(api, "jose@exämple.org", "jose-domain"));
    expect(error?.message).toContain("it contains U+00E4, found at character 8");
    expect(error?.message).toContain("give the domain in its ASCII (Punycode) form");
  });

  it("keeps the plain words for an address that is not one, and takes ASCII ones", async () => {
    const { api } = setup();
    const [error] = emailProblem(await send(api, "not an email", "jose-typo"));
    expect(error?.message).toBe("must be an email address");
    expect((await send(api, "o'brien@xn--exmple-cua.org", "jose-punycode")).statusCode).toBe(202);
  });
});
