import { describe, expect, it } from "vitest";
import { ACTION_LABELS, actionsFor } from "#domain/applicant-choices.ts";
import { MILESTONE_CATALOG } from "#domain/catalog/index.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { StepAction } from "#domain/step-actions.ts";
import { doneMilestones, inputFactory } from "./factories.ts";

/**
 * A step's text that tells the applicant to tap a button must name a button that step offers
 * (SOAP said "mark this waived" with only Done and Snooze under it, so an
 * applicant who matched would tap Done, "I did SOAP"). The plan is one where no season is over,
 * so every action the catalog allows is on offer.
 */

/** How a text names each action: the button's own label, or an older "mark this …" wording. */
const NAMES: Readonly<Record<StepAction, RegExp>> = {
  done: /\btap Done\b|\bmark (this|it) (as )?done\b/i,
  schedule: /\btap Scheduled for\b/i,
  snooze: /\btap Snooze\b/i,
  waive: /\bNot for me\b|\bmark (this|it) (as )?waived\b|\bwaive (this|it)\b/i,
  start: /\btap In progress\b/i,
};

/** Wordings that name no button at all: the applicant cannot find them on the page. */
const NO_SUCH_BUTTON = /\bmark (this|it) (as )?(waived|skipped|not needed)\b/i;

const texts = (entry: (typeof MILESTONE_CATALOG)[number]): string[] => [
  entry.action,
  ...Object.values(entry.statusActions ?? {}).filter((text): text is string => typeof text === "string"),
];

describe("catalog texts that name an action", () => {
  const fresh = plan(inputFactory(), seasonCalendar(2026), new Date("2025-06-01T12:00:00Z"));
  // SOAP's Not for me is offered from Match Week's notification (Mon 16 Mar 2026, 10:00 AM ET), as its text says.
  // The list certified, so the plan is the 2026 Match's and its Match Week the window that counts.
  const certified = inputFactory({
    milestones: [
      ...doneMilestones(
        [
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "usmle_step2ck",
          "oet_medicine",
          "ecfmg_pathway",
          "eras_application",
          "nrmp_registration",
        ],
        "2025-10-01",
      ),
      ...doneMilestones(["rank_order_list"], "2026-02-10"),
    ],
  });
  const matchWeek = plan(certified, seasonCalendar(2026), new Date("2026-03-16T15:00:00Z"));
  const onFor = (key: string) => (key === "soap" ? matchWeek : fresh);

  it.each(MILESTONE_CATALOG.map((entry) => [entry.key, entry] as const))(
    "%s names only buttons its step offers, by their label",
    (_key, entry) => {
      const offered = actionsFor({ milestone: entry.key }, onFor(entry.key), "Asia/Kolkata", []);
      for (const text of texts(entry)) {
        expect(text, `${entry.key}: "${text}"`).not.toMatch(NO_SUCH_BUTTON);
        for (const [action, named] of Object.entries(NAMES) as [StepAction, RegExp][]) {
          if (!named.test(text)) continue;
          expect(offered, `${entry.key} names ${ACTION_LABELS[action]}`).toContain(action);
          expect(text).toContain(ACTION_LABELS[action].replace("…", ""));
        }
      }
    },
  );

  it("offers Not for me on SOAP to one not matched and not taking part; a matched applicant marks Match Week done", () => {
    const soap = MILESTONE_CATALOG.find((entry) => entry.key === "soap");
    expect(actionsFor({ milestone: "soap" }, matchWeek, "Asia/Kolkata", [])).toContain("waive");
    expect(actionsFor({ milestone: "soap" }, fresh, "Asia/Kolkata", [])).not.toContain("waive");
    expect(soap?.waivable?.note).toMatch(/did not match/);
    expect(soap?.action).toMatch(
      /If you matched, mark Match Week done instead; if you did not match and will not take part, from Match Week's Monday tap Not for me on this SOAP step/,
    );
    expect(soap?.action).toMatch(/done when you accept a SOAP offer/);
  });
});
