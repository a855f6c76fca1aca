import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { milestoneFactory } from "#test/unit/domain/factories.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory, storePorts } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { httpEvent } from "./events.ts";

/**
 * SOAP's "Not for me" is a Match answer from Match Week's Monday, not a preference: its page used to
 * say only "Matchpath will leave it out of your plan", while in SOAP it records "did not match, not
 * in SOAP" and moves the plan to the next Match, and beside Match Week done it means "I matched".
 * Its confirmation and Recorded pages now say which. Lagos applicant of the 2027 Match on the
 * Tuesday of Match Week, in three situations.
 */
const keyring = parseKeyring(`k1=${"s".repeat(40)}`);
const BASE = "https://api.example.org";
const TUESDAY = new Date(seasonCalendar(2027).dates.nrmp_match_week_start_and_soap_start.at + 24 * 3600_000);
const BEFORE: MilestoneEntry[] = [
  milestoneFactory("wdoms_listing", "done", "2026-06-01"),
  milestoneFactory("ecfmg_application", "done", "2026-06-10"),
  milestoneFactory("usmle_step1", "done", "2025-09-20"),
  milestoneFactory("usmle_step2ck", "done", "2026-05-20"),
  milestoneFactory("eras_application", "done", "2026-09-20"),
  milestoneFactory("nrmp_registration", "done", "2026-09-20"),
];
const CERTIFIED = milestoneFactory("rank_order_list", "done", "2027-02-20");
const IN_SOAP = milestoneFactory("soap", "in_progress");
const MATCHED = milestoneFactory("match_week", "done", "2027-03-15");

async function notForMe(milestones: MilestoneEntry[]) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ matchYear: 2027 }), { milestones });
  const api = createHttpApi({
    ...storePorts(store),
    clock: new FixedClock(TUESDAY),
    webhookSecret: async () => "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    unsubscribeKeys: { keyring: async () => parseKeyring(`k1=${"u".repeat(40)}`) },
    logger: new Logger({ logLevel: "SILENT" }),
    applicantPages: async () => ({
      settings: { savePreferences: async () => undefined, revokeFeed: async () => 1 },
      planning: domainPlanning,
      keyring: async () => keyring,
      publicBaseUrl: BASE,
    }),
  });
  const links = applicantLinks({
    baseUrl: BASE,
    keyring,
    applicantId: "a_ada",
    feedGeneration: 0,
    now: TUESDAY,
  });
  const { pathname, search } = new URL(links.action("soap", "waive"));
  const call = (method: string, body?: string) =>
    api(
      httpEvent({
        method,
        path: pathname,
        query: search.slice(1),
        headers: {
          accept: "text/html",
          ...(body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
        },
        ...(body === undefined ? {} : { body }),
      }),
    );
  const page = (await call("GET")).body ?? "";
  const recorded = (await call("POST", "")).body ?? "";
  const soap = (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === "soap");
  return { page, recorded, soap };
}

describe("SOAP's Not for me says what it records", () => {
  it("in SOAP with a certified list: did not match, not taking part, the plan moves to 2028", async () => {
    const { page, recorded, soap } = await notForMe([...BEFORE, CERTIFIED, IN_SOAP]);
    const words =
      "This records that you did not match and are not taking part in SOAP: your plan moves to the 2028 Match.";
    expect(page).toContain(words);
    expect(page).not.toContain("Matchpath will leave it out of your plan");
    expect(recorded).toMatch(/<h1>Recorded/);
    expect(recorded).toContain(words);
    expect(soap?.status).toBe("waived");
  });

  it("with no certified list: not taking part, and no word of whether NRMP says they matched", async () => {
    const { page, recorded } = await notForMe([...BEFORE, IN_SOAP]);
    const words =
      "This records that you are not taking part in SOAP: with no certified rank order list, your plan moves to the 2028 Match.";
    expect(page).toContain(words);
    expect(recorded).toContain(words);
  });

  it("beside Match Week done (the conflict's way out): you matched", async () => {
    const { page, recorded } = await notForMe([...BEFORE, CERTIFIED, MATCHED, IN_SOAP]);
    const words =
      "This records that you matched, as your Match Week answer says: SOAP is left out of your plan and its reminders stop.";
    expect(page).toContain(words);
    expect(recorded).toContain(words);
  });
});
