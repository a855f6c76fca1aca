import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { actionLabel } from "#domain/applicant-choices.ts";
import { catalogEntry } from "#domain/catalog/index.ts";
import { DONE_RECORDS } from "#domain/step-actions.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { actionConfirmationPage } from "#pages/action-pages.ts";
import { planInOwnMatch, readSnapshot } from "#test/unit/domain/fixture-snapshots.ts";
import { planFactory, profileFactory } from "#test/unit/usecases/fakes.ts";

/**
 * Done on the J-1 sponsorship means the applicant's part is finished: the application complete in
 * EVNet, the fee paid, every document in; ECFMG then reviews it, and that review is the DS-2019's
 * wait. The step's in-progress text said only "Finish the ECFMG J-1 application", and its bare
 * Done did not say what it records, so an applicant waiting on ECFMG kept the step in progress and
 * was chased weekly as overdue, with a critical VISA_NOT_READY_FOR_START. The button, the action
 * page and the step's words now say it; marked done, the applicant is not chased over ECFMG's queue.
 * Tanvir: Dhaka, J-1, matched 19 Mar 2027, sponsorship in progress since 20 Apr, planned on 1 May.
 */
const DIR = fileURLToPath(new URL("../../fixtures/j1-sponsorship-review/", import.meta.url));
const snapshot = readSnapshot(DIR, "sponsorship-in-progress-dhaka.json");
const NOW = "2027-05-01T16:00:00Z";
const WORDS = "I completed my J-1 application: fee paid, every document in";

describe("the J-1 sponsorship's Done says the applicant's part is finished", () => {
  const inProgress = planInOwnMatch(snapshot, NOW);

  it("the email's button reads what Done records, and the step's words say when to tell us", () => {
    const reminder = inProgress.reminders.find((each) => each.milestone === "j1_ecfmg_sponsorship");
    expect(reminder).toBeDefined();
    const email = renderReminderEmail({
      recipientName: "Tanvir Hossain",
      reminders: reminder === undefined ? [] : [reminder],
      plan: inProgress,
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "app-1",
        feedGeneration: 0,
        now: new Date(NOW),
      }),
      unsubscribeUrl: "https://example.org/unsubscribe",
      milestones: snapshot.milestones,
    });
    expect(email.text).toMatch(new RegExp(`${WORDS}[^:\\n]*: https://api\\.example\\.org/actions\\?`));
    expect(email.html).toContain(`>${WORDS}`);
    expect(email.text).not.toMatch(/^\s*Done[^:\n]*: https:\/\/api\.example\.org\/actions\?/m);
    expect(email.text).toContain(
      "Once every document is in, tell us: your part is done, and ECFMG's review (about 4 to 6 weeks) is then the DS-2019's wait.",
    );
  });

  it("the step's text says so before it is begun and while it is under way", () => {
    const entry = catalogEntry("j1_ecfmg_sponsorship");
    const words = "Once every document is in, tell us: your part is done, and ECFMG's review";
    expect(entry.action).toContain(words);
    expect(entry.statusActions?.inProgress).toContain(words);
  });

  it("the page a Done link opens asks it, and the console marks it, in the same terms", () => {
    expect(actionLabel("j1_ecfmg_sponsorship", "done")).toBe(WORDS);
    expect(DONE_RECORDS.j1_ecfmg_sponsorship?.advisor).toBe(
      "J-1 sponsorship: application complete, ECFMG reviewing",
    );
    const page =
      actionConfirmationPage(
        {
          claims: {
            purpose: "action",
            applicantId: "a_tanvir",
            milestone: "j1_ecfmg_sponsorship",
            action: "done",
            issuedAt: new Date(NOW),
            expiresAt: new Date("2027-05-31T10:00:00Z"),
            nonce: "n1",
            keyId: "k1",
          },
          state: { profile: profileFactory(), milestones: [], interviews: [], ledger: [] },
          plan: planFactory(),
          title: catalogEntry("j1_ecfmg_sponsorship").title,
          currentStatus: "in_progress",
          alreadyApplied: false,
          seasonPassed: false,
          snoozeOptions: [],
          today: "2027-05-02",
          latest: "2027-07-01",
        },
        "?x",
        "https://api.example.org/timeline",
      ).body ?? "";
    expect(page).toContain(
      "<h1>Have you completed your ECFMG J-1 application in EVNet, with the fee paid and every document in?</h1>",
    );
    expect(page).toContain(`<button type="submit" class="primary">Yes, ${WORDS}</button>`);
  });

  // Done on 19 Apr: ECFMG's shorter review still leaves the visa by its date (a day later it would not).
  it("marked done on 19 Apr, ECFMG reviewing: no overdue step, no critical risk, no chase", () => {
    const done = planInOwnMatch(
      {
        ...snapshot,
        milestones: snapshot.milestones.map((entry) =>
          entry.key === "j1_ecfmg_sponsorship" ? { ...entry, status: "done", date: "2027-04-19" } : entry,
        ),
      },
      NOW,
    );
    expect(done.overdue).toEqual([]);
    expect(done.risks.map((risk) => risk.code)).not.toContain("VISA_NOT_READY_FOR_START");
    expect(done.reminders.filter((each) => each.milestone === "j1_ecfmg_sponsorship")).toEqual([]);
    // The DS-2019 is the step now: due by the last day of ECFMG's review (done late), not overdue.
    expect(done.nextSteps.find((step) => step.milestone === "j1_ds2019")?.deadline?.day).toBe("2027-05-31");
  });
});
