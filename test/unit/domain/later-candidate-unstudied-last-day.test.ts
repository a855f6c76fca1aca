import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Registered for the 2027 Match with Step 2 CK not started and no interview told, late in January:
 * out of reach on NRMP's projected rank order list deadline, in reach on its later candidate only
 * if the exam's study goes uncounted (one who has been preparing sits it by its last sitting day on
 * that candidate, Wed 3 Feb 2027). The day to start preparing has passed, so no last day lies ahead
 * but that sitting day: the notice and its countdown name it, the same from any plan and in any zone,
 * never the plan's own minute ("act today, by" now, "due in 1 minute").
 */
function registeredWithoutStep2(timezone: string) {
  return inputFactory({
    applicant: applicantFactory({ externalId: `ck-late-${timezone}`, timezone, matchYear: 2027 }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-09-20",
      ),
      milestoneFactory("usmle_step2ck", "not_started"),
    ],
  });
}

const calendar = seasonCalendar(2027);
const lastDay = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");

describe("a Match kept on the later candidate only without study names a real last day", () => {
  it.each([
    [
      "Pacific/Auckland",
      ["2027-01-28T08:00:00+13:00", "2027-01-29T12:00:00+13:00", "2027-02-01T12:00:00+13:00"],
    ],
    ["Pacific/Honolulu", ["2027-01-28T08:00:00-10:00", "2027-01-30T12:00:00-10:00"]],
  ])("%s: the same last day, the end of Wed 3 Feb, from every plan", (zone, nows) => {
    for (const now of nows) {
      const result = plan(registeredWithoutStep2(zone), calendar, new Date(now));
      const risk = lastDay(result);
      expect(risk?.severity).toBe("critical");
      expect(risk?.message).toContain("if you have been preparing, sit USMLE Step 2 CK by Wed 3 Feb 2027");
      expect(risk?.message).not.toContain("act today");
      const at = Date.parse(risk?.lastWorkingAt ?? "");
      expect(at).toBeGreaterThan(Date.parse(now));
      expect(new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(at)).toBe("2027-02-03");
      // No reminder is due within the hour it is sent: every act-by lies ahead by days.
      for (const reminder of result.reminders)
        expect(Date.parse(reminder.deadline) - Date.parse(reminder.sendAt)).toBeGreaterThan(60 * 60 * 1000);
    }
  });
});
