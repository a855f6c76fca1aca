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
 * SOAP's "Not for me" recorded before Match Week's notification (dated Mon 1 Mar 2027, stored before
 * the link waited for Monday) is no answer to the plan (soapAnsweredTooEarly): its reminders go on.
 * The action page reads the same predicate (countedAnswer): from Monday the tap records the answer,
 * never "already recorded". Lagos applicant of the 2027 Match, interviewing, no list reported.
 */
const keyring = parseKeyring(`k1=${"s".repeat(40)}`);
const BASE = "https://api.example.org";
const calendar = seasonCalendar(2027);
const MONDAY = calendar.dates.nrmp_match_week_start_and_soap_start.at;
const MILESTONES: MilestoneEntry[] = [
  milestoneFactory("wdoms_listing", "done", "2026-06-01"),
  milestoneFactory("ecfmg_application", "done", "2026-06-10"),
  milestoneFactory("usmle_step1", "done", "2025-09-20"),
  milestoneFactory("usmle_step2ck", "done", "2026-05-20"),
  milestoneFactory("eras_application", "done", "2026-09-20"),
  milestoneFactory("nrmp_registration", "done", "2026-09-20"),
];
const WAIVED_EARLY: MilestoneEntry[] = [...MILESTONES, milestoneFactory("soap", "waived", "2027-03-01")];

function setup(now: Date, milestones: MilestoneEntry[]) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ matchYear: 2027 }), { milestones });
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

describe("SOAP's Not for me recorded before Monday is no answer on the action page either", () => {
  it("from Monday's notification the tap is offered and records the answer", async () => {
    const { links, call, soapNow } = setup(new Date(MONDAY + 60_000), WAIVED_EARLY);
    const page = await call("GET", links.action("soap", "waive"));
    expect(page.body).not.toContain("already recorded");
    expect(page.body).toContain('method="post"');
    const response = await call("POST", links.action("soap", "waive"), "");
    expect(response.body).toMatch(/<h1>Recorded/);
    // Recorded as a tap records it (undated): the plan now counts it.
    expect(await soapNow()).toEqual({ key: "soap", status: "waived" });
  });

  it("the control: a Not for me recorded on Monday is already recorded", async () => {
    const onMonday = [...MILESTONES, milestoneFactory("soap", "waived", "2027-03-15")];
    const { links, call, soapNow } = setup(new Date(MONDAY + 3_600_000), onMonday);
    const page = await call("GET", links.action("soap", "waive"));
    expect(page.body).toContain("already recorded");
    const response = await call("POST", links.action("soap", "waive"), "");
    expect(response.body).not.toMatch(/<h1>Recorded/);
    expect((await soapNow())?.date).toBe("2027-03-15");
  });
});
