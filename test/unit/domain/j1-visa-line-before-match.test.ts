import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";

// A J-1 applicant signing up on 30 Nov 2026 for the 2027 Match, every step up to NRMP registration
// done, the certificate waiting only for her graduation in March. ECFMG's shorter review and the
// consular month after the certificate put her J-1 visa after the plan's own visa date (Wed 16 Jun)
// from a graduation around 6 Mar: before the start's last week a warning (the start can still
// hold), in its last week (a visa on 30 Jun leaves no time to travel) the critical verdict, as the
// rest of the visa phase judges a visa day. Graduating around 19 Mar, she heard nothing before.

const calendar = seasonCalendar(2027);
const ZONES = [
  ["Asia/Manila", "2026-11-30T02:00:00Z"],
  ["Pacific/Honolulu", "2026-11-30T20:00:00Z"],
] as const;

function certificateRisk(zone: string, signUp: string, graduation: string) {
  const input = inputFactory({
    applicant: applicantFactory({ timezone: zone, matchYear: 2027, graduation, visa: "J-1" }),
    milestones: doneMilestones(REGISTERED_KEYS, "2026-09-10"),
  });
  const result = plan(input, calendar, new Date(signUp));
  return result.risks.find((risk) => risk.code === "CERTIFICATION_AFTER_START");
}

describe.each(ZONES)(
  "a J-1 applicant in %s graduating in March of the Match year, before the Match",
  (zone, signUp) => {
    it("graduating on 1 Mar, the visa keeps the plan's date: no risk", () => {
      expect(certificateRisk(zone, signUp, "2027-03-01")).toBeUndefined();
    });

    it.each([
      ["2027-03-10", "Mon 21 Jun 2027"],
      ["2027-03-12", "Wed 23 Jun 2027"],
    ])(
      "graduating on %s, the visa after its date but before the last week is a warning naming its day",
      (graduation, visa) => {
        const risk = certificateRisk(zone, signUp, graduation);
        expect(risk?.severity).toBe("warning");
        expect(risk?.message).toContain(
          `your J-1 visa would come around ${visa} at the earliest, before your start's last week`,
        );
        expect(risk?.message).toContain("after this plan's date for it (Wed 16 Jun 2027)");
        expect(risk?.message).toContain(
          "Ask the programs you rank whether they could hold your position for a delayed start",
        );
        expect(risk?.message).not.toContain("out of reach");
      },
    );

    it.each([
      ["2027-03-16", "Sun 27 Jun 2027"],
      ["2027-03-19", "Wed 30 Jun 2027"],
      ["2027-03-20", "Thu 1 Jul 2027"],
    ])(
      "graduating on %s, the visa in the start's last week or after it is the critical verdict",
      (graduation, visa) => {
        const risk = certificateRisk(zone, signUp, graduation);
        expect(risk?.severity).toBe("critical");
        expect(risk?.message).toContain(
          "On a J-1, a start on your program's date is out of reach on these allowances",
        );
        expect(risk?.message).toContain(`your J-1 visa would come around ${visa} at the earliest`);
      },
    );
  },
);
