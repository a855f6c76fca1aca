import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { type SeasonCalendar, seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";

/**
 * The email at ranking's opening had the subject of the list's deadline ("Certify your rank order
 * list: due Thu 25 Feb 2027") and said "ranking opened on Fri 15 Jan 2027, 5:00 PM GMT, projected",
 * though a projected opening is the earliest of the seasons on record and R3 may open up to the
 * latest (Feb 3, as in 2025). While the opening is projected its subject names the opening and its
 * words say it is expected then and how late it may open, that day taken from the projection
 * rule's latest candidate; once the season's opening is confirmed, "ranking opened on …" plainly.
 */
const base = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(
      new URL("../../fixtures/ranking-opens-timing/matched-nothing-ranked-accra.json", import.meta.url),
      "utf8",
    ),
  ),
);
const inYear = (matchYear: number): ApplicantSnapshot => ({
  ...base,
  applicant: { ...base.applicant, matchYear },
});
const rankingOpens = (result: Plan) =>
  result.reminders.find((r) => r.milestone === "rank_order_list" && r.rung === "ranking-opens");
const actionOf = (result: Plan) =>
  result.nextSteps.find((s) => s.milestone === "rank_order_list")?.action ?? "";
/** The plan at the ranking-opens email's own instant, and that email. */
function atOpening(snapshot: ApplicantSnapshot, calendar: SeasonCalendar) {
  const sendAt = rankingOpens(plan(snapshot, calendar, new Date("2025-10-28T10:00:00Z")))?.sendAt;
  if (sendAt === undefined) throw new Error("no ranking-opens reminder");
  const planned = plan(snapshot, calendar, new Date(sendAt));
  const reminder = rankingOpens(planned);
  if (reminder === undefined) throw new Error("no ranking-opens reminder at its instant");
  const email = renderReminderEmail({
    recipientName: snapshot.applicant.fullName,
    reminders: [reminder],
    plan: planned,
    unsubscribeUrl: "https://example.org/unsubscribe",
    timezone: snapshot.applicant.timezone,
    milestones: snapshot.milestones,
  });
  return { planned, reminder, email };
}

describe("the ranking-opens email while the opening is projected (2027 Match)", () => {
  const calendar = seasonCalendar(2027);
  const { planned, reminder, email } = atOpening(inYear(2027), calendar);

  it("its subject says ranking should now be open (projected), then what to do by the deadline", () => {
    expect(calendar.dates.nrmp_rank_order_list_entry_opens.status).toBe("projected");
    expect(reminder.title).toBe("Ranking should now be open in R3");
    expect(email.subject).toBe(
      "Ranking should now be open in R3: certify your list by Thu 25 Feb 2027, 2:00 AM GMT",
    );
    expect(email.subject).not.toContain("Certify your rank order list: due");
  });

  it("its words say ranking was expected to open then, and may open as late as the latest candidate", () => {
    const action = actionOf(planned);
    expect(action).toContain(
      "Enter your rank order list in R3 now (ranking was expected to open on Fri 15 Jan 2027, 5:00 PM GMT, projected; if R3 is not open yet, it may open as late as Wed 3 Feb 2027, 5:00 PM GMT, the latest opening in the seasons on record)",
    );
    expect(action).not.toContain("ranking opened on");
    expect(email.text).toContain("if R3 is not open yet, it may open as late as Wed 3 Feb 2027");
  });

  it("the latest day comes from the projection rule's latest candidate, not from the words", () => {
    const opens = calendar.dates.nrmp_rank_order_list_entry_opens;
    const latest = opens.latestCandidate;
    if (latest === undefined) throw new Error("no latest candidate");
    const moved: SeasonCalendar = {
      ...calendar,
      dates: {
        ...calendar.dates,
        nrmp_rank_order_list_entry_opens: { ...opens, latestCandidate: { ...latest, date: "2027-02-05" } },
      },
    };
    expect(actionOf(plan(inYear(2027), moved, new Date(reminder.sendAt)))).toContain(
      "it may open as late as Fri 5 Feb 2027, 5:00 PM GMT",
    );
  });

  it("after the latest candidate has passed, no 'if R3 is not open yet'", () => {
    const action = actionOf(plan(inYear(2027), calendar, new Date("2027-02-04T12:00:00Z")));
    expect(action).not.toContain("if R3 is not open yet");
    expect(action).toContain(
      "ranking was expected to open on Fri 15 Jan 2027, 5:00 PM GMT, projected; in every season on record it opened no later than Wed 3 Feb 2027",
    );
  });

  it("before the opening the step still says once ranking opens", () => {
    expect(actionOf(plan(inYear(2027), calendar, new Date("2027-01-10T12:00:00Z")))).toContain(
      "once ranking opens (Fri 15 Jan 2027, 5:00 PM GMT, projected)",
    );
  });
});

describe("the ranking-opens email once the opening is confirmed (2026 Match)", () => {
  const calendar = seasonCalendar(2026);
  const { planned, reminder, email } = atOpening(inYear(2026), calendar);

  it("says ranking opened on the day, without the hedge; the subject says it is open", () => {
    expect(calendar.dates.nrmp_rank_order_list_entry_opens.status).toBe("confirmed");
    const action = actionOf(planned);
    expect(action).toContain(
      "Enter your rank order list in R3 now (ranking opened on Thu 15 Jan 2026, 5:00 PM GMT)",
    );
    expect(action).not.toContain("expected to open");
    expect(action).not.toContain("as late as");
    expect(reminder.title).toBe("Ranking is open in R3");
    expect(email.subject).toMatch(/^Ranking is open in R3: certify your list by /);
  });
});
