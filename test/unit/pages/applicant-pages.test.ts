import { describe, expect, it } from "vitest";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { actionConfirmationPage, actionResultPage, EXAM_DONE_MEANS } from "#pages/action-pages.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { planFactory, profileFactory, reminderFactory, stepFactory } from "#test/unit/usecases/fakes.ts";
import type { ActionPreview } from "#usecases/step-actions.ts";

const links = applicantLinks({
  baseUrl: "https://api.example.org",
  keyring: parseKeyring(`k1=${"s".repeat(40)}`),
  applicantId: "a_ada",
  feedGeneration: 0,
  now: new Date("2026-09-17T08:00:00Z"),
});

function preview(overrides: Partial<ActionPreview> = {}): ActionPreview {
  return {
    claims: {
      purpose: "action",
      applicantId: "a_ada",
      milestone: "usmle_step2ck",
      action: "schedule",
      issuedAt: new Date("2026-09-17T08:00:00Z"),
      expiresAt: new Date("2026-10-17T08:00:00Z"),
      nonce: "n1",
      keyId: "k1",
    },
    state: { profile: profileFactory(), milestones: [], interviews: [], ledger: [] },
    plan: planFactory(),
    title: "USMLE Step 2 CK",
    currentStatus: "not_started",
    alreadyApplied: false,
    seasonPassed: false,
    snoozeOptions: [],
    today: "2026-09-17",
    latest: "2027-07-01",
    ...overrides,
  };
}

describe("timeline page", () => {
  const overdueStep = stepFactory({
    milestone: "nrmp_registration",
    title: "Register for the Match",
    urgency: "overdue",
  });
  const page = timelinePage({
    firstName: "Ada",
    timezone: "Africa/Lagos",
    links,
    plan: planFactory({
      nextSteps: [overdueStep, stepFactory()],
      overdue: [
        {
          milestone: "nrmp_registration",
          title: "Register for the Match",
          dueBy: "2026-09-10T04:59:00.000Z",
          deadline: reminderFactory().deadlineDetail,
        },
        {
          milestone: "lors",
          title: "Letters of recommendation",
          dueBy: "2026-09-10T04:59:00.000Z",
          deadline: reminderFactory().deadlineDetail,
        },
      ],
    }),
    comingReminders: [reminderFactory({ sendAt: "2026-09-20T08:00:00.000Z" })],
  });
  const html = page.body ?? "";

  it("lists an overdue step still to do once, among the next steps with its buttons", () => {
    expect(html.match(/<h3>Register for the Match/g)).toHaveLength(1);
    expect(html).toMatch(/Past their deadline[\s\S]*Letters of recommendation/);
  });

  it("shows when the next emails come as a date and time in the applicant's zone, not ISO", () => {
    expect(html).toContain("Sun 20 Sep 2026, 9:00 AM GMT+1");
    expect(html).not.toMatch(/<strong>\d{4}-\d{2}-\d{2}/);
  });

  it("never says 'Due' for a waiting step whose deadline has passed: it is listed once, as past", () => {
    const deadline = reminderFactory().deadlineDetail;
    const waiting = timelinePage({
      firstName: "Ada",
      timezone: "Africa/Lagos",
      links,
      plan: planFactory({
        overdue: [{ milestone: "match_week", title: "Match Week", dueBy: deadline.at, deadline }],
        blocked: [
          {
            milestone: "match_week",
            title: "Match Week",
            waitingFor: ["rank_order_list"],
            why: "w",
            deadline,
          },
        ],
      }),
      comingReminders: [],
    }).body;
    const waitingSection = /<section aria-labelledby="blocked">[\s\S]*?<\/section>/.exec(waiting ?? "")?.[0];
    expect(waitingSection).toContain("Waiting for:");
    expect(waitingSection).not.toContain("Due");
    expect(waiting).toMatch(/Past their deadline[\s\S]*Match Week/);
  });

  it("shows a waiting step's own deadline beside what it waits for", () => {
    const waiting = timelinePage({
      firstName: "Ada",
      timezone: "Africa/Lagos",
      links,
      plan: planFactory({
        blocked: [
          {
            milestone: "match_day",
            title: "Match Day",
            waitingFor: ["match_week"],
            why: "Results are released.",
            deadline: { ...reminderFactory().deadlineDetail, local: "Fri 19 Mar 2027, 6:00 PM GMT+1" },
          },
        ],
      }),
      comingReminders: [],
    }).body;
    expect(waiting).toMatch(
      /<h3>Match Day<\/h3><p class="due">Waiting for: Match Week[^<]*<\/p><p class="due">On <strong>Fri 19 Mar 2027/,
    );
  });
});

describe("action pages", () => {
  it("offers dates from today to the season's end, said in words", () => {
    const html = actionConfirmationPage(preview(), "?x", links.timeline).body ?? "";
    expect(html).toContain('min="2026-09-17" max="2027-07-01"');
    expect(html).toContain("From today, Thu 17 Sep 2026, to Thu 1 Jul 2027, when residency starts");
  });

  it("says what Done means for an exam, and how to undo a mis-tap", () => {
    const done = (milestone: ActionPreview["claims"]["milestone"]) =>
      actionConfirmationPage(
        preview({ claims: { ...preview().claims, action: "done", milestone } }),
        "?x",
        links.timeline,
      ).body ?? "";
    expect(done("usmle_step2ck")).toContain(EXAM_DONE_MEANS);
    expect(done("lors")).not.toContain(EXAM_DONE_MEANS);
    expect(done("lors")).toContain("Tapped by mistake? Ask your advisor to set it back.");
  });

  it("names the applicant's own exam date on Done while it is still ahead, offering Scheduled for… and no Done", () => {
    // Done was once possible under a note; a Done weeks before the sitting was stored as
    // a pass that day. Done now waits for the exam day (bookedDayAhead) and the page says so.
    const done = (bookedDay?: string) =>
      actionConfirmationPage(
        preview({
          claims: { ...preview().claims, action: "done", milestone: "usmle_step2ck" },
          currentStatus: "scheduled",
          today: "2027-03-20",
          ...(bookedDay ? { bookedDay } : {}),
        }),
        "?x",
        links.timeline,
        undefined,
        "https://api.example.org/actions?schedule",
      ).body ?? "";
    const ahead = done("2027-03-30");
    expect(ahead).toContain("Your exam is on Tue 30 Mar 2027. Mark it done once you have sat it");
    expect(ahead).toContain('href="https://api.example.org/actions?schedule">Scheduled for…</a>');
    expect(ahead).not.toContain("Yes, mark it done");
    // A recorded day already past (the use case sets no bookedDay) offers Done as before.
    expect(done()).not.toContain("Your exam is on");
    expect(done()).toContain("Yes, mark it done");
  });

  it("says when a snooze ends in words", () => {
    const html =
      actionConfirmationPage(
        preview({
          claims: { ...preview().claims, action: "snooze" },
          snoozeOptions: [{ days: 2, until: "2026-09-19" }],
        }),
        "?x",
        links.timeline,
      ).body ?? "";
    expect(html).toContain("2 days (until Sat 19 Sep 2026)");
  });

  it("says a Snooze or Scheduled link for a step already done is recorded, with no form", () => {
    for (const action of ["snooze", "schedule"] as const) {
      const response = actionConfirmationPage(
        preview({ claims: { ...preview().claims, action }, currentStatus: "done", snoozeOptions: [] }),
        "?x",
        links.timeline,
      );
      const html = response.body ?? "";
      expect(response.statusCode).toBe(200);
      expect(html).toContain("is already recorded");
      expect(html).toContain("This is already recorded: you told us you passed USMLE Step 2 CK");
      expect(html).toContain("Nothing was changed");
      expect(html).not.toContain("<form");
      expect(html).toContain("Back to my timeline");
    }
  });

  it("on 'already recorded', names the recorded date and offers a fresh link to change it", () => {
    const changeUrl = links.action("usmle_step2ck", "schedule");
    const html =
      actionResultPage(
        preview({
          state: {
            profile: profileFactory(),
            milestones: [{ key: "usmle_step2ck", status: "scheduled", date: "2026-11-03" }],
            interviews: [],
            ledger: [],
          },
        }),
        "already-recorded",
        links.timeline,
        changeUrl,
      ).body ?? "";
    expect(html).toContain(
      "You told us your USMLE Step 2 CK exam is on Tue 3 Nov 2026. This link was used before",
    );
    expect(html).toContain(`href="${changeUrl.replaceAll("&", "&amp;")}">Change the date`);
  });

  // The Recorded page after a snooze did not say until when.
  it.each([
    ["recorded", "2026-09-24", undefined],
    ["already-recorded", undefined, "2026-09-27"],
  ] as const)("after a snooze (%s), names the local date it runs until", (outcome, sent, before) => {
    const html =
      actionResultPage(
        preview({
          claims: { ...preview().claims, action: "snooze" },
          state: {
            profile: profileFactory(),
            milestones: before ? [{ key: "usmle_step2ck", status: "not_started", snoozedUntil: before }] : [],
            interviews: [],
            ledger: [],
          },
        }),
        outcome,
        links.timeline,
        undefined,
        sent ? { key: "usmle_step2ck", status: "not_started", snoozedUntil: sent } : undefined,
      ).body ?? "";
    const until = sent === "2026-09-24" ? "Thu 24 Sep 2026" : "Sun 27 Sep 2026";
    // A used link says it is already recorded, in the words its GET uses.
    expect(html).toContain(
      outcome === "recorded"
        ? `Reminders about USMLE Step 2 CK are snoozed until ${until} (your time)`
        : `Already recorded: reminders about USMLE Step 2 CK are snoozed until ${until} (your time)`,
    );
  });

  it("after a date is recorded, names it", () => {
    const html =
      actionResultPage(preview(), "recorded", links.timeline, undefined, {
        key: "usmle_step2ck",
        status: "scheduled",
        date: "2026-11-03",
      }).body ?? "";
    expect(html).toContain("You told us your USMLE Step 2 CK exam is on Tue 3 Nov 2026. Your plan");
  });
});
