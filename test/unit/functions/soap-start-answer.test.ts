import { describe, expect, it } from "vitest";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { rankListCertified2027 } from "#test/unit/domain/factories.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * Match Week's "Not matched: I'm in SOAP" (SOAP's "start" action): a GET asks and changes nothing,
 * the POST records SOAP in progress once, a second tap is "already recorded", and a tap once SOAP
 * has ended is refused as RFC 9457 problem+json, recording nothing. A Manila applicant of the 2027
 * Match, list certified, Monday's result not told.
 */
const calendar = seasonCalendar(2027);
const RELEASE = calendar.dates.nrmp_match_week_start_and_soap_start.at;
const SOAP_END = calendar.dates.nrmp_soap_ends.at;
const MILESTONES: MilestoneEntry[] = rankListCertified2027();

function setup(now: number) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ matchYear: 2027, timezone: "Asia/Manila" }), { milestones: MILESTONES });
  const api = applicantPagesApi(store, { clock: new FixedClock(new Date(now)) });
  const links = linksSignedAt(new Date(now));
  const soapNow = async () =>
    (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === "soap");
  return { store, api, links, soapNow };
}

describe("Not matched: I'm in SOAP, from Match Week's email", () => {
  it("the GET asks and records nothing; the POST records SOAP in progress once", async () => {
    const { api, links, soapNow } = setup(RELEASE + 3_600_000);
    const url = links.action("soap", "start");
    const page = await api(linkRequest("GET", url));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Did NRMP tell you that you did not match, and are you taking part in SOAP?");
    expect(page.body).toContain("Yes, I&#39;m in SOAP");
    expect(await soapNow()).toBeUndefined();

    const posted = await api(linkRequest("POST", url, ""));
    expect(posted.body).toMatch(/<h1>Recorded/);
    // The step's title after the answer, not its title before Match Week.
    expect(posted.body).toContain("SOAP: you are taking part: your plan now follows SOAP.");
    expect(posted.body).not.toContain("SOAP, if you do not match is marked");
    expect(await soapNow()).toEqual({ key: "soap", status: "in_progress" });

    const again = await api(linkRequest("POST", url, ""));
    expect(again.body).toMatch(/<h1>Already recorded/);
    expect(again.body).toContain("is marked in progress");
    expect(await soapNow()).toEqual({ key: "soap", status: "in_progress" });
  });

  it("once SOAP has ended the POST is refused as problem+json and records nothing", async () => {
    const { api, links, soapNow } = setup(SOAP_END + 60_000);
    const response = await api(
      linkRequest("POST", links.action("soap", "start"), "", "application/problem+json"),
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers?.["content-type"]).toContain("application/problem+json");
    const problem = JSON.parse(response.body ?? "{}");
    expect(problem.detail).toContain("“Not matched: I'm in SOAP” is not a choice");
    expect(problem.errors).toEqual([{ path: "action", message: expect.stringMatching(/^“Not matched/) }]);
    expect(await soapNow()).toBeUndefined();
  });

  it("before NRMP's release there is no such answer to give", async () => {
    const { api, links, soapNow } = setup(RELEASE - 60_000);
    const response = await api(
      linkRequest("POST", links.action("soap", "start"), "", "application/problem+json"),
    );
    expect(response.statusCode).toBe(400);
    expect(await soapNow()).toBeUndefined();
  });
});
