import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema, type MilestoneEntry } from "#domain/snapshot.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { milestoneFactory } from "#test/unit/domain/factories.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory, storePorts } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { httpEvent } from "./events.ts";

/**
 * SOAP's "Not for me" stands for a SOAP answer, and the plan takes a SOAP answer of any status only
 * from Match Week's notification (Monday, 10:00 AM ET): before it a "Not for me" was offered in every
 * email from December, ignored by the plan (its reminders went on), while the page said "we will stop
 * reminding you". Before Monday no email or timeline offers it (actionsFor) and the action link
 * answers "Not yet" with the hour, as Done's does, recording nothing; from Monday it is offered and
 * recorded. Lagos applicant of the 2027 Match, interviewing, no list reported.
 */
const keyring = parseKeyring(`k1=${"s".repeat(40)}`);
const BASE = "https://api.example.org";
const calendar = seasonCalendar(2027);
const MONDAY = calendar.dates.nrmp_match_week_start_and_soap_start.at;
const MARCH_2 = new Date("2027-03-02T10:00:00Z");
const MILESTONES: MilestoneEntry[] = [
  milestoneFactory("wdoms_listing", "done", "2026-06-01"),
  milestoneFactory("ecfmg_application", "done", "2026-06-10"),
  milestoneFactory("usmle_step1", "done", "2025-09-20"),
  milestoneFactory("usmle_step2ck", "done", "2026-05-20"),
  milestoneFactory("eras_application", "done", "2026-09-20"),
  milestoneFactory("nrmp_registration", "done", "2026-09-20"),
];

function setup(now: Date) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ matchYear: 2027 }), { milestones: MILESTONES });
  const api = createHttpApi({
    ...storePorts(store),
    clock: new FixedClock(now),
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
  const links = applicantLinks({ baseUrl: BASE, keyring, applicantId: "a_ada", feedGeneration: 0, now });
  const call = (method: string, url: string, body?: string) => {
    const { pathname, search } = new URL(url);
    return api(
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
  };
  const soapNow = async () =>
    (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === "soap");
  return { links, call, soapNow };
}

const offered = (now: Date) =>
  actionsFor(
    { milestone: "soap" },
    planFor(ApplicantSnapshotSchema.parse(snapshotOf()), calendar, now),
    "Africa/Lagos",
    MILESTONES,
  );
const snapshotOf = () => {
  const {
    applicantId: _id,
    createdAt: _c,
    updatedAt: _u,
    ...applicant
  } = profileFactory({ matchYear: 2027 });
  return {
    type: "applicant.snapshot" as const,
    submissionId: "soap-waive-window",
    applicant,
    milestones: MILESTONES,
  };
};

describe("SOAP's Not for me follows the window of the SOAP answer it stands for", () => {
  it("no email or timeline offers it before Match Week's notification, to the minute; from it, they do", () => {
    expect(offered(MARCH_2)).not.toContain("waive");
    expect(offered(new Date(MONDAY - 60_000))).not.toContain("waive");
    expect(offered(new Date(MONDAY))).toContain("waive");
  });

  it("the link before Monday answers 'Not yet' with the hour and records nothing", async () => {
    const { links, call, soapNow } = setup(MARCH_2);
    const page = await call("GET", links.action("soap", "waive"));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Not yet");
    expect(page.body).toContain(
      "NRMP&#39;s Match Week notification (whether you matched) for the 2027 Match is Mon 15 Mar 2027, 3:00 PM GMT+1 (Mon 15 Mar 2027, 10:00 AM ET)",
    );
    expect(page.body).toContain(
      "Tap Not for me on SOAP from then if you matched or will not take part in SOAP.",
    );
    expect(page.body).toContain("Nothing was changed");
    expect(page.body).not.toContain("stop reminding you");
    expect(page.body).not.toContain('method="post"');
    const response = await call("POST", links.action("soap", "waive"), "");
    expect(response.body).not.toMatch(/<h1>Recorded/);
    expect(await soapNow()).toBeUndefined();
  });

  it("the control: from Monday's notification it is offered and recorded", async () => {
    const { links, call, soapNow } = setup(new Date(MONDAY + 60_000));
    const page = await call("GET", links.action("soap", "waive"));
    expect(page.body).toContain('method="post"');
    const response = await call("POST", links.action("soap", "waive"), "");
    expect(response.body).toMatch(/<h1>Recorded/);
    expect((await soapNow())?.status).toBe("waived");
  });
});
