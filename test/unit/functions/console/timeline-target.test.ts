import { describe, expect, it } from "vitest";
import { stepForAdvisor } from "#domain/console/advisor-voice.ts";
import { DATE_TAGS } from "#domain/date-basis.ts";
import { deadlineWords, REMINDER_DATE_LABELS } from "#domain/date-words.ts";
import { examsDone } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { timelineCard } from "../../../../functions/console/pages/timeline.ts";

/**
 * The console's timeline said "no fixed deadline" for US clinical
 * experience while the applicant was emailed "aim to finish by …" and the ledger listed its
 * "due-in" rungs. A step's target ahead is shown as the applicant's timeline shows it.
 */
describe("the console's timeline, for a step with a target", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const state = {
    profile: profileFactory({ matchYear: 2027 }),
    milestones: examsDone("2025-06-01"),
    interviews: [],
    ledger: [],
  };
  const view: ApplicantView = {
    state,
    plan: domainPlanning.plan(state, now),
    audit: [],
    submissions: [],
    events: [],
  };
  const html = timelineCard(view, "2026-06-01");
  const items = html.split("<li>");
  const targeted = view.plan.nextSteps.filter(
    (step) => step.target !== undefined && Date.parse(step.target.at) > now.getTime(),
  );

  it("has a next step with a target and no deadline to show (US clinical experience)", () => {
    expect(targeted.some((step) => step.deadline === undefined)).toBe(true);
  });

  it("shows each target ahead in the applicant's words, and no 'no fixed deadline' beside it", () => {
    for (const step of targeted) {
      if (step.target === undefined) continue;
      const item = items.find((cells) => cells.startsWith(`<strong>${stepForAdvisor(step)}</strong>`)) ?? "";
      expect(item).toContain(`${REMINDER_DATE_LABELS.target.inline} <time`);
      expect(item).toContain(`>${deadlineWords(step.target).local}</time>`);
      expect(item).toContain(DATE_TAGS.target);
      if (step.deadline === undefined) expect(item).not.toContain("no fixed deadline");
    }
  });
});
