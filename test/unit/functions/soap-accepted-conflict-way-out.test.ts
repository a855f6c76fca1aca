import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema, type MilestoneEntry } from "#domain/snapshot.ts";
import { conflictWayOutActions } from "#domain/waiting-step-actions.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * Match Week marked done (matched) and SOAP done (a SOAP offer accepted), as a form can record
 * them: NRMP admits to SOAP only applicants who did not match, so one answer is wrong. SOAP, done,
 * is no card, yet its two answers are the ways out, offered as buttons wherever the conflict is
 * told: “Not for me” on SOAP (matched: SOAP waived) and “I accepted a SOAP offer” (did not match:
 * Match Week marked not started, the offer and its date kept). Wanjiru Kamau, Nairobi, J-1, 2027
 * Match, told both by Thursday of Match Week.
 */
const file = fileURLToPath(
  new URL("../../fixtures/soap-done-conflict/matched-and-soap-accepted-nairobi.json", import.meta.url),
);
const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const ZONE = snapshot.applicant.timezone;
const calendar = seasonCalendar(2027);
// Thursday of Match Week, 5:00 PM in Nairobi.
const THURSDAY = new Date(
  calendar.dates.nrmp_match_week_start_and_soap_start.at + 3 * 86_400_000 + 3 * 3_600_000,
);
const profile = profileFactory({ fullName: snapshot.applicant.fullName, timezone: ZONE, visa: "J-1" });
const milestones: MilestoneEntry[] = snapshot.milestones;

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(profile, { milestones });
  const api = applicantPagesApi(store, { clock: new FixedClock(THURSDAY) });
  const links = linksSignedAt(THURSDAY);
  const stored = async (key: string) =>
    (await store.loadApplicant("a_ada"))?.milestones.find((entry) => entry.key === key);
  return { api, links, stored };
}
const planned = () => domainPlanning.plan({ profile, milestones, interviews: [], ledger: [] }, THURSDAY);

describe("Match Week done beside an accepted SOAP offer: the two ways out are buttons", () => {
  it("the risk names both buttons, and its notice rides on SOAP, not on an unrelated step", () => {
    const plan = planned();
    const conflict = plan.risks.find((risk) => risk.code === "MATCH_WEEK_SOAP_CONFLICT");
    expect(conflict?.message).toContain(
      "If you matched to a full (categorical) position, SOAP was not open to you: tap “Not for me” on SOAP. If you did not match at all and accepted a SOAP offer, tap “I accepted a SOAP offer”, and Match Week is marked not started.",
    );
    const notice = plan.reminders.find((reminder) => reminder.risk === "MATCH_WEEK_SOAP_CONFLICT");
    expect(notice?.milestone).toBe("soap");
    expect(conflictWayOutActions(plan, ZONE, milestones)).toEqual(["done", "waive"]);
    // The console's sentence fits an accepted offer as well as SOAP in progress.
    const voice =
      conflict && riskForAdvisor(conflict, { fullName: "Wanjiru Kamau", matchYear: 2027, visa: "J-1" });
    expect(voice).toMatch(
      /^Wanjiru Kamau's 2027 Match answers need a check: Match Week done \(matched\) beside SOAP, which the plan reads as a partial match/,
    );
  });

  it("the notice email carries both buttons", () => {
    const plan = planned();
    const notice = plan.reminders.find((reminder) => reminder.risk === "MATCH_WEEK_SOAP_CONFLICT");
    if (notice === undefined) throw new Error("no conflict notice");
    const { links } = setup();
    const email = renderReminderEmail({
      recipientName: snapshot.applicant.fullName,
      reminders: [notice],
      plan,
      links,
      unsubscribeUrl: "https://example.org/unsubscribe",
      timezone: ZONE,
      milestones,
    });
    const buttons = email.text.split("\n").filter((line) => line.includes("/actions?"));
    // The notice's item first, with its two buttons; the other next steps' items follow.
    expect(buttons[0]).toMatch(/^ {3}I accepted a SOAP offer: https:\/\/api\.example\.org\/actions\?/);
    expect(buttons[1]).toMatch(/^ {3}Not for me: https:\/\/api\.example\.org\/actions\?/);
  });

  it("the timeline shows both buttons under the risk", async () => {
    const { api, links } = setup();
    const page = await api(linkRequest("GET", links.timeline));
    const risks = page.body?.slice(page.body.indexOf('id="risks"')) ?? "";
    const conflict = risks.slice(0, risks.indexOf("</div></div>"));
    expect(conflict).toContain("tap “I accepted a SOAP offer”");
    expect(conflict).toMatch(/<a class="button secondary" href="[^"]+">I accepted a SOAP offer</);
    expect(conflict).toMatch(/<a class="button secondary" href="[^"]+">Not for me</);
  });

  it("“I accepted a SOAP offer” records Match Week not started and keeps the offer's date", async () => {
    const { api, links, stored } = setup();
    const page = await api(linkRequest("GET", links.action("soap", "done")));
    expect(page.body).toContain("<form");
    const posted = await api(linkRequest("POST", links.action("soap", "done"), ""));
    expect(posted.body).toMatch(/<h1>Recorded/);
    expect(posted.body).toContain("Your accepted SOAP offer stands. Match Week is marked not started.");
    expect(await stored("match_week")).toEqual({ key: "match_week", status: "not_started" });
    expect(await stored("soap")).toEqual({ key: "soap", status: "done", date: "2027-03-17" });
  });

  it("“Not for me” on SOAP keeps “Matched”: SOAP is waived", async () => {
    const { api, links, stored } = setup();
    const posted = await api(linkRequest("POST", links.action("soap", "waive"), ""));
    expect(posted.body).toMatch(/<h1>Recorded/);
    expect(await stored("soap")).toEqual({ key: "soap", status: "waived" });
    expect(await stored("match_week")).toEqual({ key: "match_week", status: "done", date: "2027-03-15" });
  });
});
