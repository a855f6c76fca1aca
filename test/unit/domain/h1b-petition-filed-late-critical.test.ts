import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * A matched H-1B applicant, Step 3 passed and the contract signed, whose program tells them it filed
 * the H-1B petition on Thu 20 May 2027, five weeks after the plan's filing day (Fri 16 Apr 2027, our
 * advice). With premium processing USCIS's approval comes around Fri 11 Jun (15 business days, Memorial Day not counted), and with the time the
 * plan keeps for the stamping after it (counted from the approval) the visa would come around 21 Jul, after a 1 Jul start. The
 * plan knows it the day the filing is told: critical at once, and steadily until the approval is
 * reported (past the approval's day too), just as a filing merely scheduled for that day is. A
 * petition filed within the room before the start (a few days after the plan's day) stays as it was.
 * Arjun lives in Karachi, Aroha in Auckland.
 */
const calendar = seasonCalendar(2027);

function applicant(timezone: string, filed: string) {
  const input = matched2027(timezone, {
    visa: "H-1B",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "done", "2027-01-20"),
      milestoneFactory("contract", "done", "2027-03-26"),
      milestoneFactory("visa_h1b", "in_progress", filed),
    ],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
}

const behind = (result: Plan) => result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");

describe.each([
  ["Karachi", "Asia/Karachi", "+05:00"],
  ["Auckland", "Pacific/Auckland", "+12:00"],
])("An H-1B petition filed five weeks late, in %s", (_, timezone, offset) => {
  it.each([
    "2027-05-21T09:00:00",
    "2027-06-01T09:00:00",
    "2027-06-11T23:30:00",
    "2027-06-12T00:30:00",
    "2027-06-14T09:00:00",
  ])("at %s local: critical, the approval's day the petition's one date", (local) => {
    const now = new Date(`${local}${offset}`);
    const result = plan(applicant(timezone, "2027-05-20"), calendar, now);
    const risk = behind(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("Your program filed your H-1B petition on Thu 20 May 2027");
    expect(risk?.message).toContain("Fri 11 Jun 2027 (our advice)");
    expect(risk?.message).toContain("after residency starts");
    expect(risk?.message).toContain("premium processing");
    expect(risk?.message).not.toContain("You expect your H-1B petition");
    expect(result.risks.map((r) => r.code)).not.toContain("VISA_STEP_LATE");
    const row = result.nextSteps.find((step) => step.milestone === "visa_h1b");
    expect(row?.deadline?.local).toContain("Fri 11 Jun 2027");
    const overdue = result.overdue.find((step) => step.milestone === "visa_h1b");
    if (overdue !== undefined) expect(overdue.deadline.local).toContain("Fri 11 Jun 2027");
    if (now.getTime() < Date.parse(`2027-06-12T00:00:00${offset}`)) {
      expect(overdue).toBeUndefined();
      expect(risk?.message).toContain("USCIS's approval of your H-1B petition is expected too late");
    }
    const notice = result.reminders.find(
      (r) => r.rung === "critical-risk" && Date.parse(r.sendAt) === now.getTime(),
    );
    if (local.startsWith("2027-05-21")) expect(notice).toBeDefined();
  });

  it("filed a few days after the plan's filing day, within the room before the start: no critical", () => {
    const result = plan(
      applicant(timezone, "2027-04-22"),
      calendar,
      new Date(`2027-04-23T09:00:00${offset}`),
    );
    expect(behind(result)).toBeUndefined();
  });
});

describe("The same late filing in the US (Leilani, Honolulu)", () => {
  const now = new Date("2027-05-21T09:00:00-10:00");

  it("with the route not yet told: critical, the stamping named only for consular processing", () => {
    const risk = behind(plan(applicant("Pacific/Honolulu", "2027-05-20"), calendar, now));
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("if it filed for consular processing, book your stamping interview");
  });

  it("with the route not yet told and the approval before the start: only the consular route is late, the change of status in time", () => {
    const risk = behind(plan(applicant("Pacific/Honolulu", "2027-05-20"), calendar, now));
    expect(risk?.severity).toBe("critical"); // the plan keeps to the consular route's dates
    expect(risk?.message).not.toContain("approval of your H-1B petition is expected too late");
    expect(risk?.message).toContain(
      "your H-1B visa, if your program files for consular processing, is expected too late for it.",
    );
    expect(risk?.message).toContain(
      "USCIS's approval is expected around Fri 11 Jun 2027 (our advice). With a change of status, an approval by about then is in time for your start",
    );
    expect(risk?.message).toContain("your visa would come around Wed 21 Jul 2027, after residency starts");
    expect(risk?.message).toContain("Ask your program's immigration office today which route it filed");
  });

  it("abroad, where the consular route is the only one, still says nothing of a change of status", () => {
    const risk = behind(
      plan(applicant("Asia/Karachi", "2027-05-20"), calendar, new Date("2027-05-21T09:00:00+05:00")),
    );
    expect(risk?.message).not.toContain("change of status, an approval");
  });

  it("on a change of status (no stamping): an approval before the start is in time, no critical", () => {
    const input = applicant("Pacific/Honolulu", "2027-05-20");
    const waived = {
      ...input,
      milestones: [...input.milestones, milestoneFactory("visa_h1b_stamping", "waived")],
    };
    expect(behind(plan(waived, calendar, now))).toBeUndefined();
  });
});
