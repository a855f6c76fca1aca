import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import { doneOpensText } from "#domain/applicant-choices.ts";
import { dateBasis, PROJECTED_NOTE } from "#domain/date-basis.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * On 1 Dec 2026, in the middle of the 2027 Match, the timeline and every
 * email said the 2027 dates were projected "because ERAS or the NRMP has not published them yet",
 * months after some of them had passed. What is true is that Matchpath's data has not confirmed
 * them (README "Adding or confirming a season"): one wording, everywhere a projected date is shown.
 */
describe("a projected date is worded as not confirmed in Matchpath's data, everywhere", () => {
  const now = new Date("2026-12-01T16:00:00Z");
  const state = {
    profile: profileFactory({ matchYear: 2027 }),
    milestones: [],
    interviews: [],
    ledger: [],
  };
  const plan = domainPlanning.plan(state, now);
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_asha",
    feedGeneration: 0,
    now,
  });
  const html = timelinePage({ firstName: "Asha", timezone: "Asia/Kolkata", plan, links, comingReminders: [] })
    .body as string;
  // A projected deadline's reminder: a target's says "target, not a deadline", advice counted from a
  // projected date says "our advice", instead of the projected note.
  const projectedReminder = plan.reminders.find(
    (r) => dateBasis(r.deadlineDetail) === "projected" && r.countsDownTo === undefined,
  );
  const email =
    projectedReminder &&
    renderReminderEmail({
      recipientName: "Asha",
      reminders: [projectedReminder],
      plan,
      unsubscribeUrl: "https://api.example.org/u",
    });
  const feed = renderApplicantFeed({
    applicantId: "a_asha",
    timezone: "Asia/Kolkata",
    plan,
    interviews: [],
    updatedAt: now.toISOString(),
  }).replace(/\r?\n /g, "");

  it("never says the authorities have not published the season", () => {
    expect(plan.seasonStatus).toBe("projected");
    expect(email).toBeDefined();
    for (const text of [html, email?.text ?? "", email?.html ?? "", feed])
      expect(text).not.toMatch(/not published|has not published/);
  });

  it("says the date is not confirmed in Matchpath's data, projected from earlier seasons, in one wording", () => {
    expect(PROJECTED_NOTE).toContain("not confirmed in Matchpath's data");
    expect(PROJECTED_NOTE).toContain("earlier seasons");
    expect(html).toContain(PROJECTED_NOTE.replace(/'/g, "&#39;"));
    expect(email?.text).toContain(PROJECTED_NOTE);
    expect(feed.replace(/\\,/g, ",").replace(/\\;/g, ";")).toContain(PROJECTED_NOTE);
  });

  it("says it alike where Done opens on a projected date", () => {
    const text = doneOpensText(
      {
        date: "2027-09-15",
        what: "NRMP registration for the 2028 Match",
        verb: "opens",
        status: "projected",
        source: "rule",
      },
      2028,
    );
    expect(text).toContain("(projected from earlier seasons: not confirmed in Matchpath's data)");
    expect(text).not.toMatch(/not published/);
  });
});
