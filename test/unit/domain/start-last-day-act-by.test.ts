import { describe, expect, it } from "vitest";
import { reminderDateLabel, stepDatesInline } from "#domain/date-words.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// Past our cautious allowance for a visa step, while the last day that keeps the program's start date
// is ahead, the step has one day to act by on every surface: the critical notice's "act by" day. The
// row, the email's next steps, the weekly chase's subject and body and the CLI say "behind our plan
// since <our plan's day>; act by <that last day>", never "overdue since" the day the visa's own date was
// lost (a day no notice asked anyone to act by). Once that last day is over the start is out of reach,
// and every surface says "overdue since <that last day>".

const calendar = seasonCalendar(2027);
const BEHIND_SINCE_5_APR = "behind our plan since Mon 5 Apr 2027; act by Mon 3 May 2027 (our advice)";

function emailOf(result: Plan, reminders: Reminder[]) {
  return renderReminderEmail({
    recipientName: "Asha",
    reminders,
    plan: result,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });
}

/** The reminders sent at the plan's next send time for `milestone`'s rung `rung`, all of that slot. */
function slotOf(result: Plan, milestone: string, rung: string): Reminder[] {
  const first = result.reminders.find(
    (each) => each.milestone === milestone && each.rung === rung && each.sendAt >= result.now,
  );
  expect(first, `${milestone} ${rung}`).toBeDefined();
  return result.reminders.filter((each) => each.sendAt === first?.sendAt);
}

describe("Kolkata, J-1, the contract not yet signed past our day for it", () => {
  const input = matched2027("Asia/Kolkata", {
    extra: [milestoneFactory("ecfmg_certification", "done", "2026-06-01")],
  });
  const at = (iso: string): Plan => plan(input, calendar, new Date(iso));

  it("on the verdict's day the critical email says act by Mon 3 May, and its next steps the same day, never 19 Apr", () => {
    const result = at("2027-04-20T03:00:00Z"); // Tue 20 Apr, 08:30 in Kolkata
    const critical = result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
    expect(critical?.message).toContain("by about Mon 3 May 2027");
    for (const key of ["contract", "j1_statement_of_need"]) {
      const step = result.nextSteps.find((each) => each.milestone === key);
      expect(step?.behindPlan, key).toBe(true);
      expect(step && stepDatesInline(step, Date.parse(result.now), result.risks), key).toBe(
        BEHIND_SINCE_5_APR,
      );
    }
    expect(result.overdue.map((each) => each.milestone)).not.toContain("contract");
    const email = emailOf(result, slotOf(result, "contract", "critical-risk"));
    expect(email.subject).toContain("act by Mon 3 May 2027");
    expect(email.text).toContain(`(${BEHIND_SINCE_5_APR})`);
    expect(email.text).not.toContain("19 Apr");
    expect(email.text).not.toMatch(/overdue since/i);
    // The blocked sponsorship (the timeline's line) says the same.
    const sponsorship = result.blocked.find((each) => each.milestone === "j1_ecfmg_sponsorship");
    expect(sponsorship?.behindPlan).toBe(true);
    expect(sponsorship?.overdueSince?.local).toBe("Mon 5 Apr 2027");
    expect(sponsorship?.actBy?.local).toBe("Mon 3 May 2027");
  });

  it.each([
    ["Thu 22 Apr", "2027-04-22T03:00:00Z"],
    ["Thu 29 Apr", "2027-04-29T03:00:00Z"],
  ])("the weekly chase of %s: behind our plan since Mon 5 Apr, act by Mon 3 May, as the row", (_day, now) => {
    // The critical notice went out on 20 Apr, as in the applicant's thread.
    const notice = slotOf(at("2027-04-20T03:00:00Z"), "contract", "critical-risk").find(
      (each) => each.rung === "critical-risk",
    );
    const remindersSent = notice === undefined ? {} : { [notice.id]: notice.sendAt };
    const result = plan({ ...input, remindersSent }, calendar, new Date(now));
    const slot = slotOf(result, "contract", "visa-behind");
    const chase = slot.find((each) => each.milestone === "contract");
    const row = result.nextSteps.find((each) => each.milestone === "contract");
    expect(chase?.overdueSince?.local).toBe(row?.deadline?.local);
    expect(chase?.actBy?.local).toBe(row?.actBy?.local);
    expect(row?.actBy?.local).toBe("Mon 3 May 2027");
    const email = emailOf(result, slot);
    expect(email.subject).toMatch(
      /^Sign your program's contract: behind our plan since Mon 5 Apr 2027 \(our advice\); act by Mon 3 May 2027 \(our advice\)/,
    );
    expect(email.text).toContain("Behind our plan since: Mon 5 Apr 2027");
    expect(email.text).toContain("To keep your program's start date, act by Mon 3 May 2027");
    expect(`${email.subject}\n${email.text}`).not.toMatch(/overdue since|19 Apr/i);
  });

  it("the morning after Mon 3 May the start is out of reach: overdue since Mon 3 May on the row, the list and the chase", () => {
    const result = at("2027-05-04T03:00:00Z"); // Tue 4 May, 08:30 in Kolkata
    expect(result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START")?.message).toContain(
      "out of reach",
    );
    const row = result.nextSteps.find((each) => each.milestone === "contract");
    expect(row?.behindPlan).toBeUndefined();
    expect(row?.actBy).toBeUndefined();
    expect(row && stepDatesInline(row, Date.parse(result.now), result.risks)).toBe(
      "overdue since Mon 3 May 2027",
    );
    expect(result.overdue.find((each) => each.milestone === "contract")?.deadline.local).toBe(
      "Mon 3 May 2027",
    );
    const chase = slotOf(result, "contract", "visa-behind").find((each) => each.milestone === "contract");
    expect(chase && reminderDateLabel(chase).label).toBe("Overdue since");
    expect(chase?.overdueSince?.local).toBe("Mon 3 May 2027");
    expect(emailOf(result, chase === undefined ? [] : [chase]).subject).toBe(
      "Sign your program's contract: overdue since Mon 3 May 2027 (our advice)",
    );
  });
});

describe("Auckland, J-1, the sponsorship in progress past our day for it", () => {
  const input = matched2027("Pacific/Auckland", {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-06-01"),
      milestoneFactory("contract", "done", "2027-04-01"),
      milestoneFactory("j1_statement_of_need", "done", "2027-04-14"),
      milestoneFactory("j1_ecfmg_sponsorship", "in_progress"),
    ],
  });

  it("its row and its weekly chases say behind our plan since Mon 5 Apr, act by Mon 3 May; overdue since Mon 3 May after it", () => {
    const result = plan(input, calendar, new Date("2027-04-21T20:00:00Z")); // Thu 22 Apr, 08:00 in Auckland
    const row = result.nextSteps.find((each) => each.milestone === "j1_ecfmg_sponsorship");
    expect(row && stepDatesInline(row, Date.parse(result.now), result.risks)).toBe(BEHIND_SINCE_5_APR);
    const chase = result.reminders.filter(
      (each) => each.milestone === "j1_ecfmg_sponsorship" && each.rung === "visa-behind",
    );
    expect(chase.length).toBeGreaterThan(2);
    for (const each of chase) {
      // Mon 3 May ends at 12:00 UTC in Auckland.
      const ahead = each.sendAt < "2027-05-03T12:00:00.000Z";
      expect(reminderDateLabel(each).label, each.sendAt).toBe(
        ahead ? "Behind our plan since" : "Overdue since",
      );
      expect(each.overdueSince?.local, each.sendAt).toBe(ahead ? "Mon 5 Apr 2027" : "Mon 3 May 2027");
    }
    expect(JSON.stringify(chase)).not.toContain("19 Apr");
  });
});

describe("Lagos, H-1B, the petition not filed past our day for it", () => {
  const input = matched2027("Africa/Lagos", {
    visa: "H-1B",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-06-01"),
      milestoneFactory("usmle_step3", "done", "2027-01-10"),
      milestoneFactory("contract", "done", "2027-04-06"),
    ],
  });
  const petitionAt = (iso: string) => {
    const result = plan(input, calendar, new Date(iso));
    const row = result.nextSteps.find((each) => each.milestone === "visa_h1b");
    return { result, row, line: row && stepDatesInline(row, Date.parse(result.now), result.risks) };
  };

  it.each(["2027-04-17T07:00:00Z", "2027-04-22T07:00:00Z"])(
    "at %s, inside the warning band: behind our plan since Fri 16 Apr, the warning's file-by day the one named, on the row and the chase",
    (now) => {
      const { result, row, line } = petitionAt(now);
      expect(line).toBe("behind our plan since Fri 16 Apr 2027");
      expect(result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START")).toBeUndefined();
      expect(result.risks.find((risk) => risk.code === "H1B_PETITION_PAST_VISA_DATE")?.message).toContain(
        "files by about Fri 23 Apr 2027",
      );
      expect(result.overdue.map((each) => each.milestone)).not.toContain("visa_h1b");
      const chase = result.reminders.find(
        (each) => each.milestone === "visa_h1b" && each.rung === "visa-behind" && each.sendAt < "2027-04-24",
      );
      expect(chase?.overdueSince?.local).toBe(row?.deadline?.local);
      expect(chase?.behindPlan).toBe(true);
    },
  );

  it.each(["2027-04-24T07:00:00Z", "2027-04-29T07:00:00Z"])(
    "at %s: behind our plan since Fri 16 Apr, act by Fri 30 Apr, the day its critical names, on the row and the chase",
    (now) => {
      const { result, row, line } = petitionAt(now);
      expect(line).toBe("behind our plan since Fri 16 Apr 2027; act by Fri 30 Apr 2027 (our advice)");
      expect(result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START")?.message).toContain(
        "by about Fri 30 Apr 2027",
      );
      expect(result.overdue.map((each) => each.milestone)).not.toContain("visa_h1b");
      const chase = result.reminders.find(
        (each) => each.milestone === "visa_h1b" && each.rung === "visa-behind" && each.sendAt < "2027-05-01",
      );
      expect(chase?.overdueSince?.local).toBe(row?.deadline?.local);
      const email = emailOf(result, chase === undefined ? [] : [chase]);
      expect(email.subject).toBe(
        "H-1B petition with your program: behind our plan since Fri 16 Apr 2027 (our advice); act by Fri 30 Apr 2027 (our advice)",
      );
    },
  );

  it.each(["2027-05-01T07:00:00Z", "2027-05-06T07:00:00Z"])(
    "at %s: overdue since Fri 30 Apr, the last filing day it was told to act by",
    (now) => {
      const { result, line } = petitionAt(now);
      expect(line).toBe("overdue since Fri 30 Apr 2027");
      expect(result.overdue.find((each) => each.milestone === "visa_h1b")?.deadline.local).toBe(
        "Fri 30 Apr 2027",
      );
      const chase = result.reminders.find(
        (each) => each.milestone === "visa_h1b" && each.rung === "visa-behind",
      );
      expect(chase?.overdueSince?.local).toBe("Fri 30 Apr 2027");
      expect(chase && reminderDateLabel(chase).label).toBe("Overdue since");
    },
  );
});
