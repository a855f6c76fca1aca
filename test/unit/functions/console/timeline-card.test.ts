import { describe, expect, it } from "vitest";
import { stepForAdvisor, stepName } from "#domain/console/advisor-voice.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { examsDone } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { timelineCard } from "../../../../functions/console/pages/timeline.ts";

/**
 * The console's Timeline card on real plans: a re-applicant's ERAS work
 * from the 2027 Match shows once, as done for an earlier Match, not as done and to do; once the
 * target Match is over, Next does not open with its missed steps.
 */
function view(matchYear: number, milestones: MilestoneEntry[], now: Date): ApplicantView {
  const state = { profile: profileFactory({ matchYear }), milestones, interviews: [], ledger: [] };
  return { state, plan: domainPlanning.plan(state, now), audit: [], submissions: [], events: [] };
}

const sections = (html: string) => {
  const part = (name: string, until: string) =>
    html.slice(html.indexOf(`<h3>${name}</h3>`), html.indexOf(until));
  return {
    next: part("Next", "<h3>Blocked</h3>"),
    blocked: part("Blocked", "<h3>Overdue</h3>"),
    overdue: part("Overdue", "<h3>Done</h3>"),
    done: html.slice(html.indexOf("<h3>Done</h3>")),
  };
};

describe("the console's timeline card", () => {
  it("shows last season's ERAS work once, as done for an earlier Match, after a switch to 2028", () => {
    const lastSeason: MilestoneEntry[] = [
      ...examsDone("2025-06-01"),
      { key: "eras_token", status: "done", date: "2026-06-05" },
      { key: "lors", status: "done", date: "2026-09-01" },
      { key: "eras_application", status: "done", date: "2026-09-10" },
      { key: "nrmp_registration", status: "done", date: "2026-09-20" },
    ];
    const now = new Date("2027-04-10T12:00:00Z");
    const switched = view(2028, lastSeason, now);
    const html = timelineCard(switched, "2027-04-10");
    const { next, blocked, done } = sections(html);
    const eras = "Submit your ERAS application";

    // The plan wants it again: listed where the plan has it, with the earlier date, and not under Done.
    expect(`${next}${blocked}`).toContain(stepName("eras_application"));
    expect(`${next}${blocked}`).toContain("2026-09-10 for an earlier Match; to do again for the 2028 Match");
    expect(done).not.toContain("ERAS application");
    expect(done).not.toContain(eras);
    for (const key of ["eras_token", "lors", "nrmp_registration"] as const)
      expect(`${next}${blocked}`).toContain(stepName(key));
    // Exams carry over: still done, not marked as an earlier Match's.
    expect(done).toContain("USMLE Step 1: done 2025-06-01</li>");
  });

  it("does not open Next with a Match that is over: its missed steps are under Overdue, without Mark done", () => {
    // Registered with NRMP, no list, SOAP's outcome not yet told: still SEASON_OVER (one who never
    // registered moves to the next Match instead).
    const registered = [
      ...examsDone("2025-06-01"),
      { key: "nrmp_registration" as const, status: "done" as const },
    ];
    const over = view(2027, registered, new Date("2027-03-25T12:00:00Z"));
    expect(over.plan.risks.map((risk) => risk.code)).toContain("SEASON_OVER");
    expect(over.plan.overdue.length).toBeGreaterThan(0);
    const { next, overdue } = sections(timelineCard(over, "2027-03-25"));
    expect(next).toContain("The 2027 Match is over for");
    expect(next).not.toContain('class="critical">overdue');
    for (const step of over.plan.overdue)
      expect(next).not.toContain(`<strong>${stepForAdvisor(step)}</strong>`);
    expect(overdue).toContain("closed with the 2027 Match");
    expect(overdue).not.toContain("Mark done");
  });

  /**
   * Mark done posts the applicant's today, which the check refuses before the
   * booked exam day (bookedDayAhead), so the button could only fail. As on the applicant's own
   * timeline (92792b1), it is offered from the exam day; before it the card says when and what to
   * do if the exam moved.
   */
  it("offers Mark done on a booked exam from its day, not before", () => {
    const booked: MilestoneEntry[] = [
      ...examsDone("2025-06-01").filter((entry) => entry.key !== "usmle_step2ck"),
      { key: "usmle_step2ck", status: "scheduled", date: "2026-08-20" },
    ];
    const form = "/milestones/usmle_step2ck";
    const before = sections(timelineCard(view(2027, booked, new Date("2026-06-01T12:00:00Z")), "2026-06-01"));
    expect(before.next).toContain(stepName("usmle_step2ck"));
    expect(before.next).not.toContain(form);
    expect(before.next).toContain(
      "Mark done from its exam day, 2026-08-20; if the exam moved, save a what-if with the new date first",
    );
    const eve = sections(timelineCard(view(2027, booked, new Date("2026-08-19T12:00:00Z")), "2026-08-19"));
    expect(eve.next).not.toContain(form);
    const day = sections(timelineCard(view(2027, booked, new Date("2026-08-20T12:00:00Z")), "2026-08-20"));
    expect(day.next).toContain(form);
    expect(day.next).toContain('name="date" value="2026-08-20"');
    // The day done is the advisor's to give (told "I sat it on …"): today by default, none after it.
    expect(day.next).toMatch(
      /<label for="done-on-usmle_step2ck">Done on<\/label> <input id="done-on-usmle_step2ck" type="date" name="date" value="2026-08-20" min="1900-01-01" max="2026-08-20" required>/,
    );
    expect(day.next).not.toContain('type="hidden" name="date"');
    expect(day.next).not.toContain("Mark done from its exam day");
  });

  /**
   * A 2028 Match applicant's card offered Mark done on NRMP registration
   * and the ERAS token on 2027-03-20; the check now refuses both (markDoneNotYet, the applicant's
   * own Done rule), so the card shows why in place of a button that could only fail, and offers
   * it once the window is open.
   */
  it("offers no Mark done before the step's window opens for the Match, and says when it opens", () => {
    const march = sections(
      timelineCard(view(2028, examsDone("2025-06-01"), new Date("2027-03-20T12:00:00Z")), "2027-03-20"),
    );
    expect(march.next).toContain(stepName("nrmp_registration"));
    expect(march.next).not.toContain("/milestones/nrmp_registration");
    expect(march.next).not.toContain("/milestones/eras_token");
    expect(march.next).toContain("Not yet: NRMP registration for the 2028 Match opens on Wed 15 Sep 2027");
    expect(march.next).toContain("Not yet: The 2028 ERAS season begins on Tue 1 Jun 2027");
    const june = sections(
      timelineCard(view(2028, examsDone("2025-06-01"), new Date("2027-06-02T12:00:00Z")), "2027-06-02"),
    );
    expect(june.next).toContain("/milestones/eras_token");
  });

  it("judges Mark done on a plan moved to a later Match by that Match's windows", () => {
    // A 2027 applicant with nothing done, on 20 Mar 2027: out of reach, the plan is dated for 2028.
    const moved = view(2027, [], new Date("2027-03-20T12:00:00Z"));
    expect(moved.plan.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    const { next } = sections(timelineCard(moved, "2027-03-20"));
    expect(next).toContain(stepName("nrmp_registration"));
    expect(next).not.toContain("/milestones/nrmp_registration");
    expect(next).toContain("Not yet: NRMP registration for the 2028 Match opens on Wed 15 Sep 2027");
  });
});
