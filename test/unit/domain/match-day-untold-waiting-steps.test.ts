import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Visa } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";
import {
  applicantFactory,
  BEFORE_MATCH_KEYS,
  doneMilestones,
  inputFactory,
  matched2027,
  milestoneFactory,
} from "./factories.ts";

// After Match Day (Fri 19 Mar 2027, 12:00 PM ET, projected) an applicant who told us on Monday she
// matched never says where. What waits on the answer must not show its passed April and May dates as
// if still ahead: she matched, so each is overdue since its date, as Match Day's own card is. One who
// reported the contract signed (kept, though dated before Match Day) is never told to sign it. An
// undated contract is checked as a dated one is. A first plan made after residency's start sends one
// Match Day email that day, not two an hour apart. A rank order list certified after the deadline is
// not titled "Certify your rank order list". Far zones, several instants, every channel the plan has.

const calendar = seasonCalendar(2027);
// Not Auckland: there Monday's release is already Tuesday, so matched2027's Match Week answer (Mon 15 Mar) is refused.
const ZONES = ["Asia/Manila", "Asia/Tokyo", "Pacific/Honolulu", "Africa/Lagos"] as const;
const AFTER_CONTRACT_DAY = ["2027-04-15T16:00:00Z", "2027-05-25T16:00:00Z", "2027-07-02T16:00:00Z"] as const;

const untoldAfterMonday = (
  timezone: string,
  visa: Visa = "J-1",
  extra = [] as ReturnType<typeof milestoneFactory>[],
) => matched2027(timezone, { visa, matchDay: false, extra });
const cliOf = (planned: Plan, timezone: string) => renderPlan(planned, "Applicant", timezone);
const blockedRow = (cli: string, key: string) =>
  cli
    .split("\n")
    .find((line) => new RegExp(`^  ${key} `).test(line) && cli.indexOf(line) > cli.indexOf("BLOCKED"));

describe.each(ZONES)("matched on Monday, where never told (%s)", (timezone) => {
  it.each(AFTER_CONTRACT_DAY)(
    "each waiting step past its date is overdue since it, on the plan and the CLI (%s)",
    (now) => {
      const planned = plan(untoldAfterMonday(timezone), calendar, new Date(now));
      const matchDay = planned.nextSteps.find((step) => step.milestone === "match_day");
      expect(matchDay?.urgency).toBe("overdue");
      const cli = cliOf(planned, timezone);
      for (const step of planned.blocked) {
        // No waiting step shows a passed date as its date still ahead.
        if (step.deadline !== undefined)
          expect(Date.parse(step.deadline.at)).toBeGreaterThan(Date.parse(now));
        if (step.overdueSince !== undefined)
          expect(blockedRow(cli, step.milestone)).toContain(`overdue since ${step.overdueSince.local}`);
      }
      const contract = planned.blocked.find((step) => step.milestone === "contract");
      // The contract's date is the day Match Day's answer was due: one date on both.
      expect(contract?.overdueSince?.at).toBe(matchDay?.deadline?.at);
      expect(contract?.why).toContain("You told us you matched");
      expect(contract?.why).not.toContain("starts once you match");
    },
  );

  it("before the contract's date the steps keep their dates, still ahead", () => {
    const planned = plan(untoldAfterMonday(timezone), calendar, new Date("2027-03-26T16:00:00Z"));
    const contract = planned.blocked.find((step) => step.milestone === "contract");
    expect(contract?.deadline?.local).toBe("Fri 2 Apr 2027");
    expect(contract?.overdueSince).toBeUndefined();
  });

  it.each(["2027-07-02T16:00:00Z", "2027-07-08T03:00:00Z", "2027-07-20T16:00:00Z"])(
    "a first plan after residency's start asks where at once, in one Match Day email a day (%s)",
    (now) => {
      const planned = plan(untoldAfterMonday(timezone), calendar, new Date(now));
      const asked = planned.reminders.filter((each) => each.milestone === "match_day");
      const days = asked.map((each) => each.sendAtLocal.slice(0, 10));
      expect(new Set(days).size).toBe(days.length);
      // Never a week's wait for the question: the once-only notice goes unless a weekly one goes that day.
      const first = Math.min(...asked.map((each) => Date.parse(each.sendAt)));
      expect(first - Date.parse(now)).toBeLessThan(36 * 3_600_000);
    },
  );
});

describe("whether one matched untold: a passed date is 'planned for', never a bare date", () => {
  it.each(["Asia/Manila", "Pacific/Honolulu"])("the CLI says as the timeline does (%s)", (timezone) => {
    const untold = inputFactory({
      applicant: applicantFactory({ matchYear: 2027, timezone, visa: "J-1" }),
      milestones: [
        ...doneMilestones(BEFORE_MATCH_KEYS),
        milestoneFactory("rank_order_list", "done", "2027-02-01"),
      ],
    });
    const planned = plan(untold, calendar, new Date("2027-04-15T16:00:00Z"));
    const contract = planned.blocked.find((step) => step.milestone === "contract");
    expect(contract?.deadline?.local).toBe("Fri 2 Apr 2027");
    expect(blockedRow(cliOf(planned, timezone), "contract")).toContain("planned for Fri 2 Apr 2027");
  });
});

describe.each(["J-1", "H-1B", "none"] as const)(
  "a contract reported signed, Match Day untold (%s)",
  (visa) => {
    // Dated before Match Day (kept done, flagged): Match Day is still asked.
    const signed = (timezone: string) =>
      untoldAfterMonday(timezone, visa, [milestoneFactory("contract", "done", "2027-03-17")]);
    it.each(["2027-04-15T16:00:00Z", "2027-07-02T16:00:00Z"])(
      "Match Day's card, its emails and MATCH_DAY_NOT_REPORTED never say to sign it (%s)",
      (now) => {
        const planned = plan(signed("Asia/Manila"), calendar, new Date(now));
        const matchDay = planned.nextSteps.find((step) => step.milestone === "match_day");
        expect(matchDay?.urgency).toBe("overdue");
        expect(matchDay?.action).not.toContain("sign your contract");
        expect(matchDay?.action).not.toContain("contract and visa steps are waiting");
        if (visa !== "none") expect(matchDay?.action).toContain("you reported your contract signed");
        const risk = planned.risks.find((each) => each.code === "MATCH_DAY_NOT_REPORTED");
        expect(risk?.message).not.toContain("your contract, was planned");
        expect(risk?.message).toContain("You reported your contract signed");
        for (const reminder of planned.reminders.filter((each) => each.milestone === "match_day")) {
          const email = renderReminderEmail({
            recipientName: "Applicant",
            reminders: [reminder],
            plan: planned,
            unsubscribeUrl: "https://example.org/unsubscribe",
          });
          expect(email.text).not.toContain("sign your contract");
        }
      },
    );
  },
);

describe.each(["Asia/Manila", "Pacific/Auckland", "Pacific/Honolulu"])(
  "a contract reported signed with no date (%s)",
  (timezone) => {
    const undated = untoldAfterMonday(timezone, "J-1", [milestoneFactory("contract", "done")]);
    it("before Match Day's results it is questioned as a dated one is, and Match Day still asked", () => {
      const planned = plan(undated, calendar, new Date("2027-03-17T16:00:00Z"));
      const flag = planned.risks.find((each) => each.code === "DONE_DATES_OUT_OF_ORDER");
      expect(flag?.message).toContain("Your answers say your program contract is signed");
      expect(planned.nextSteps.map((step) => step.milestone)).toContain("match_day");
    });
    it("from the day after Match Day's results it is taken as given, as a date then would be", () => {
      const planned = plan(undated, calendar, new Date("2027-03-22T16:00:00Z"));
      expect(planned.risks.map((each) => each.code)).not.toContain("DONE_DATES_OUT_OF_ORDER");
      expect(planned.nextSteps.map((step) => step.milestone)).not.toContain("match_day");
    });
  },
);

describe.each(["Pacific/Honolulu", "Asia/Manila"])(
  "a rank order list certified after the deadline (%s)",
  (timezone) => {
    const late = inputFactory({
      applicant: applicantFactory({ matchYear: 2027, timezone, visa: "J-1" }),
      milestones: [
        ...doneMilestones(BEFORE_MATCH_KEYS),
        milestoneFactory("rank_order_list", "done", "2027-03-05"),
      ],
    });
    it.each(["2027-03-06T17:00:00Z", "2027-03-12T17:00:00Z"])(
      "its card's title says it did not count (%s)",
      (now) => {
        const planned = plan(late, calendar, new Date(now));
        const list = planned.nextSteps.find((step) => step.milestone === "rank_order_list");
        expect(list?.urgency).toBe("overdue");
        expect(list?.title).toBe("Rank order list not certified by the deadline");
        expect(planned.overdue.find((step) => step.milestone === "rank_order_list")?.title).toBe(list?.title);
        expect(cliOf(planned, timezone)).not.toContain("Certify your rank order list");
      },
    );
  },
);
