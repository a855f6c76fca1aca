import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched H-1B applicant whose program files the petition as a change of status (the stamping
// waived: no visa to stamp) and tells us the filing. Without USCIS's approval there is no work, and
// premium processing's 15 business days from a filing after Tue 8 Jun 2027 (Juneteenth, observed Fri
// 18 Jun, not counted) end on or after residency's start, Thu 1 Jul: the start is lost the day the
// filing is told, and the program's GME office must hear then, not on 1 Jul. A filing on 1 Jun
// (approval around Wed 23 Jun) is in time: not critical while its 15 business days run.

const calendar = seasonCalendar(2027);
function at(zone: string, filed: string, now: string): Plan {
  const input = matched2027(zone, {
    visa: "H-1B",
    extra: [
      milestoneFactory("usmle_step3", "done", "2027-01-20"),
      milestoneFactory("contract", "done", "2027-04-06"),
      milestoneFactory("visa_h1b", "in_progress", filed),
      milestoneFactory("visa_h1b_stamping", "waived"),
    ],
  });
  return plan(input, calendar, new Date(now));
}
const critical = (result: Plan) =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START" && risk.severity === "critical");

describe.each(["America/Chicago", "Pacific/Honolulu"])(
  "a change of status filed too late for the start (%s)",
  (zone) => {
    it.each([
      ["2027-06-14", "Wed 7 Jul 2027"],
      ["2027-06-09", "Thu 1 Jul 2027"],
    ])(
      "filed %s: critical at once, approval around %s not before the start, no visa named",
      (filed, approval) => {
        const result = at(zone, filed, "2027-06-15T20:00:00Z");
        const risk = critical(result);
        expect(risk?.message).toContain(
          `USCIS's approval is expected around ${approval} (our advice), not before residency starts`,
        );
        expect(risk?.message).toContain("your start on your program's date is out of reach");
        expect(risk?.message).toContain("Tell your program's GME office today");
        expect(risk?.message).not.toMatch(/\bvisa\b/i);
        expect(result.risks.map((each) => each.code)).not.toContain("VISA_STEP_LATE");
        // Its notice goes now, not on the first day of residency.
        const notice = result.reminders.find((each) => each.risk === "VISA_NOT_READY_FOR_START");
        expect(notice?.sendAt).toBeDefined();
        expect(Date.parse(notice?.sendAt ?? "") - Date.parse(result.now)).toBeLessThan(2 * 86_400_000);
      },
    );

    it("filed Tue 1 Jun, approval before the start: not critical while its 15 business days run", () => {
      const result = at(zone, "2027-06-01", "2027-06-15T20:00:00Z");
      expect(critical(result)).toBeUndefined();
    });
  },
);
