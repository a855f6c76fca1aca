import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { milestoneFactory, rankListCertified2027 } from "#test/unit/domain/factories.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * Match Week's email carries both answers, "Matched" and "Not matched: I'm in SOAP". Once one is
 * recorded, the other from the same (or an older) email is superseded: its page shows no button,
 * says which answer stands, links the timeline, and its POST records nothing. Where both stand
 * anyway (a form or the console: MATCH_WEEK_SOAP_CONFLICT), SOAP's card offers the two ways out.
 * Lucía Ferreyra, Lima, 2027 Match, list certified, Monday evening of Match Week.
 */
const calendar = seasonCalendar(2027);
const MONDAY_EVENING = calendar.dates.nrmp_match_week_start_and_soap_start.at + 6 * 3_600_000;
const ZONE = "America/Lima";
const profile = profileFactory({ fullName: "Lucía Ferreyra", matchYear: 2027, timezone: ZONE });

function setup(milestones: MilestoneEntry[]) {
  const store = new InMemoryApplicantStore();
  store.add(profile, { milestones: [...rankListCertified2027(), ...milestones] });
  const now = new Date(MONDAY_EVENING);
  const api = applicantPagesApi(store, { clock: new FixedClock(now) });
  const links = linksSignedAt(now);
  const stored = async (key: string) =>
    (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === key);
  return { api, links, stored };
}

describe("an old email's second answer records nothing", () => {
  it("“Matched” after “Not matched: I'm in SOAP”: no button, says why, links the timeline", async () => {
    const { api, links, stored } = setup([milestoneFactory("soap", "in_progress")]);
    const page = await api(linkRequest("GET", links.action("match_week", "done")));
    expect(page.body).toContain("Not available now");
    expect(page.body).toContain(
      "You already told us you did not match and are taking part in SOAP (if that was wrong, send your intake form again with the right answer, or ask your advisor): “Matched” is not a choice now, so there is nothing to confirm. Nothing was changed.",
    );
    expect(page.body).toContain("Back to my timeline");
    expect(page.body).not.toContain("<form");

    const posted = await api(
      linkRequest("POST", links.action("match_week", "done"), "", "application/problem+json"),
    );
    expect(posted.statusCode).toBe(400);
    expect(JSON.parse(posted.body ?? "{}").detail).toContain("You already told us you did not match");
    expect(await stored("match_week")).toBeUndefined();
    expect(await stored("soap")).toEqual({ key: "soap", status: "in_progress" });
  });

  it("“Not matched: I'm in SOAP” after “Matched”: no button, and SOAP stays unanswered", async () => {
    const { api, links, stored } = setup([milestoneFactory("match_week", "done", "2027-03-15")]);
    const page = await api(linkRequest("GET", links.action("soap", "start")));
    expect(page.body).toContain("You already told us you matched (if that was wrong");
    expect(page.body).not.toContain("<form");
    const posted = await api(
      linkRequest("POST", links.action("soap", "start"), "", "application/problem+json"),
    );
    expect(posted.statusCode).toBe(400);
    expect(await stored("soap")).toBeUndefined();
    expect(await stored("match_week")).toEqual({ key: "match_week", status: "done", date: "2027-03-15" });
  });
});

describe("both answers recorded (a form): the conflict's two ways out are buttons", () => {
  const BOTH = [
    milestoneFactory("match_week", "done", "2027-03-15"),
    milestoneFactory("soap", "in_progress"),
  ];

  it("SOAP's card offers Not for me (matched) and Not matched: I'm in SOAP (did not match)", () => {
    const plan = domainPlanning.plan(
      { profile, milestones: [...rankListCertified2027(), ...BOTH], interviews: [], ledger: [] },
      new Date(MONDAY_EVENING),
    );
    const conflict = plan.risks.find((risk) => risk.code === "MATCH_WEEK_SOAP_CONFLICT");
    expect(conflict?.message).toContain(
      "If you matched to a full (categorical) position, SOAP is not open to you: tap “Not for me” on SOAP. If you did not match at all, tap “Not matched: I'm in SOAP”.",
    );
    const actions = actionsFor({ milestone: "soap" }, plan, ZONE, [...rankListCertified2027(), ...BOTH]);
    expect(actions).toEqual(expect.arrayContaining(["waive", "start"]));
  });

  it("the conflict's notice email carries both buttons", () => {
    const milestones = [...rankListCertified2027(), ...BOTH];
    const plan = domainPlanning.plan(
      { profile, milestones, interviews: [], ledger: [] },
      new Date(MONDAY_EVENING),
    );
    const notice = plan.reminders.find((reminder) => reminder.risk === "MATCH_WEEK_SOAP_CONFLICT");
    if (notice === undefined) throw new Error("no conflict notice");
    const { links } = setup(BOTH);
    const email = renderReminderEmail({
      recipientName: "Lucía Ferreyra",
      reminders: [notice],
      plan,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
      timezone: ZONE,
      milestones,
    });
    const buttons = email.text.split("\n").filter((line) => line.includes("/actions?"));
    expect(buttons[0]).toMatch(
      /^ {3}Not matched: I'm in SOAP \(SOAP: find the year your partial match lacks/,
    );
    expect(buttons[0]).toContain(links.action("soap", "start"));
    expect(buttons[1]).toMatch(/^ {3}Not for me \(SOAP: find the year your partial match lacks/);
    expect(buttons[1]).toContain(links.action("soap", "waive"));
    expect(email.text).toContain("so this plan reads a partial match");
  });

  it("“Not matched: I'm in SOAP” records Match Week not started, SOAP still in progress", async () => {
    const { api, links, stored } = setup(BOTH);
    const page = await api(linkRequest("GET", links.action("soap", "start")));
    expect(page.body).toContain("Yes, I&#39;m in SOAP");
    const posted = await api(linkRequest("POST", links.action("soap", "start"), ""));
    expect(posted.body).toMatch(/<h1>Recorded/);
    expect(posted.body).toContain(
      "SOAP: you are taking part: your plan now follows SOAP. Match Week is marked not started.",
    );
    expect(await stored("match_week")).toEqual({ key: "match_week", status: "not_started" });
    expect(await stored("soap")).toEqual({ key: "soap", status: "in_progress" });
  });
});
