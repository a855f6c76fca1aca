import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

// A student years ahead (2030 Match, graduating mid-2029) read "urgent" on the ECFMG
// application, whose target was 26 months away, and got a "Start now to finish by" email the next
// morning. The urgency came from the first gate's announcement (first-gate.ts): while the
// application is not begun its start-by is moved to now so the applicant hears about it at once
// (advice: an early start costs nothing), not from its lead time (30 days before the target).
// README: urgent = within 7 days of the day to act by; that day is the latest safe start. The
// announcement stays; the badge follows the latest safe start, and the card says why it is told now.

const NOW = new Date("2026-12-03T07:00:00Z"); // 8:00 AM in Cairo

function studentFor(matchYear: number) {
  return inputFactory({
    applicant: applicantFactory({
      externalId: `cairo-student-${matchYear}`,
      fullName: "Omar Said",
      timezone: "Africa/Cairo",
      matchYear,
      graduation: `${matchYear - 1}-06-30`,
      medicalSchool: { name: "Cairo Medical School", country: "EG", wdomsSponsorNote: true },
    }),
  });
}

describe("the ECFMG application of a starter years ahead", () => {
  const result = plan(studentFor(2030), seasonCalendar(2030), NOW);
  const step = result.nextSteps.find((each) => each.milestone === "ecfmg_application");

  it("is not urgent with its latest safe start more than two years away", () => {
    expect(step?.urgency).toBe("later");
  });

  it("is still announced at the next delivery slot (the issue: a far starter hears about it now)", () => {
    const first = result.reminders.find((each) => each.milestone === "ecfmg_application");
    expect(first?.rung).toBe("start-by");
    expect(Date.parse(first?.sendAt ?? "")).toBeLessThan(NOW.getTime() + 2 * 86_400_000);
  });

  it("says on its card why it is told now, and the latest day to start", () => {
    expect(step?.action).toContain("every exam and ECFMG step waits on this application");
    expect(step?.action).toMatch(/start by \w{3} \d{1,2} \w{3} 2029 at the latest/);
  });

  it("reads soon for a 2028 starter whose latest safe start is weeks away, and urgent once it has passed", () => {
    const calendar = seasonCalendar(2028);
    const soon = plan(studentFor(2028), calendar, NOW).nextSteps.find(
      (each) => each.milestone === "ecfmg_application",
    );
    expect(soon?.urgency).toBe("soon");
    expect(soon?.action).toContain("at the latest");
    const late = plan(studentFor(2028), calendar, new Date("2027-01-20T07:00:00Z")).nextSteps.find(
      (each) => each.milestone === "ecfmg_application",
    );
    expect(late?.urgency).toBe("urgent");
    expect(late?.action).not.toContain("at the latest");
  });

  it("says nothing of time to spare once its target has passed (urgent by the passed target)", () => {
    const step = plan(
      studentFor(2028),
      seasonCalendar(2028),
      new Date("2027-03-01T07:00:00Z"),
    ).nextSteps.find((each) => each.milestone === "ecfmg_application");
    expect(step?.urgency).toBe("urgent");
    expect(step?.action).not.toContain("There is time yet");
  });
});
