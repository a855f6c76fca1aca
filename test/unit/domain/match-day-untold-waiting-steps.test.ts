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
// undated contract is checked as a dated one is, and keeps Match Day asked after the results too (the
// plan cannot know when it was given); while the contract is not confirmed by a match, the J-1
// sponsorship and its fee wait on Match Day. A first plan made after residency's start sends one
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
        // Behind our plan while the J-1 file's last day to keep the start is ahead (its row says so).
        const since = step.behindPlan === true ? "behind our plan since" : "overdue since";
        if (step.overdueSince !== undefined)
          expect(blockedRow(cli, step.milestone)).toContain(`${since} ${step.overdueSince.local}`);
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
    const certified = milestoneFactory("ecfmg_certification", "done", "2026-12-01");
    const undated = untoldAfterMonday(timezone, "J-1", [milestoneFactory("contract", "done"), certified]);
    const sponsorshipPushed = (planned: ReturnType<typeof plan>) =>
      planned.nextSteps.some((step) => step.milestone === "j1_ecfmg_sponsorship") ||
      planned.reminders.some((each) => each.milestone === "j1_ecfmg_sponsorship");
    it("before Match Day's results it is questioned as a dated one is, and Match Day still asked", () => {
      const planned = plan(undated, calendar, new Date("2027-03-17T16:00:00Z"));
      const flag = planned.risks.find((each) => each.code === "DONE_DATES_OUT_OF_ORDER");
      expect(flag?.message).toContain("Your answers say your program contract is signed");
      expect(planned.nextSteps.map((step) => step.milestone)).toContain("match_day");
    });
    // The plan cannot know whether the answer came before the results: where she matched stays
    // asked, as the flag promised, and nothing the match would confirm is pushed before it.
    it.each(["2027-03-17T16:00:00Z", "2027-03-18T16:00:00Z", "2027-03-22T16:00:00Z", "2027-05-20T16:00:00Z"])(
      "Match Day stays asked and the J-1 sponsorship and its fee wait on it (%s)",
      (now) => {
        const planned = plan(undated, calendar, new Date(now));
        expect(planned.nextSteps.map((step) => step.milestone)).toContain("match_day");
        const sponsorship = planned.blocked.find((step) => step.milestone === "j1_ecfmg_sponsorship");
        expect(sponsorship?.waitingFor).toEqual(["match_day"]);
        expect(sponsorshipPushed(planned)).toBe(false);
      },
    );
    it("after the results no date is called out of order: only where she matched is asked", () => {
      const planned = plan(undated, calendar, new Date("2027-03-22T16:00:00Z"));
      expect(planned.risks.map((each) => each.code)).not.toContain("DONE_DATES_OUT_OF_ORDER");
    });
    it("with Match Day then marked done, the sponsorship is asked for at once (guard)", () => {
      const told = untoldAfterMonday(timezone, "J-1", [
        milestoneFactory("contract", "done"),
        milestoneFactory("match_day", "done"),
        certified,
      ]);
      const planned = plan(told, calendar, new Date("2027-03-22T16:00:00Z"));
      expect(planned.nextSteps.map((step) => step.milestone)).not.toContain("match_day");
      expect(sponsorshipPushed(planned)).toBe(true);
    });
  },
);

describe.each(["Asia/Kolkata", "Pacific/Honolulu"])(
  "a contract dated before Match Day, beside no Match Week answer (%s)",
  (timezone) => {
    const base = untoldAfterMonday(timezone, "J-1", [
      milestoneFactory("contract", "done", "2027-03-17"),
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
    ]);
    // Match Week never answered, SOAP waived: nothing says she matched.
    const flagged = { ...base, milestones: base.milestones.filter((each) => each.key !== "match_week") };
    it.each(["2027-03-18T04:00:00Z", "2027-04-03T04:00:00Z"])(
      "holds the J-1 sponsorship and its fee behind Match Day, as the Statement of Need (%s)",
      (now) => {
        const planned = plan(flagged, calendar, new Date(now));
        const waits = (key: string) => planned.blocked.find((step) => step.milestone === key)?.waitingFor;
        expect(waits("j1_ecfmg_sponsorship")).toEqual(["match_day"]);
        expect(waits("j1_statement_of_need")).toEqual(["match_day"]);
        expect(planned.reminders.some((each) => each.milestone === "j1_ecfmg_sponsorship")).toBe(false);
      },
    );
  },
);
