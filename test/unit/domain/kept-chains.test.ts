import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stepIndex } from "#domain/planner/catalog-index.ts";
import { buildContext, type PlanContext } from "#domain/planner/context.ts";
import { contextWith } from "#domain/planner/context-with.ts";
import { assessAt, type Feasibility } from "#domain/planner/feasibility.ts";
import { type Judged, keptChain } from "#domain/planner/kept-chains.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey, MilestoneStatus } from "#domain/snapshot.ts";
import { readSnapshot } from "./fixture-snapshots.ts";

/**
 * Feasibility chains are kept across plans (kept-chains.ts): applicants of one season and zone with
 * the same chain steps and dates, planned at one instant (an advisor digest, the cohort look-ahead),
 * share one. A kept chain must be the one its inputs lay, and a plan that gets it must note the
 * chain's risk-change instants as one that laid it does.
 */
const DIR = fileURLToPath(new URL("../../fixtures/kept-chains/", import.meta.url));
const LAGOS = readSnapshot(DIR, "lagos-oet-pathway-open-2027.json");
const NOW = "2026-10-20T10:00:00Z";
const contextAt = (now = NOW): PlanContext => buildContext(LAGOS, seasonCalendar(2027), new Date(now));
/** The same applicant with a failing Step 2 CK score: its failedScores name a retake. */
const STEP2_FAILED = buildContext(
  {
    ...LAGOS,
    milestones: LAGOS.milestones.map((entry) =>
      entry.key === "usmle_step2ck" ? { ...entry, status: "done", score: 180 } : entry,
    ),
  },
  seasonCalendar(2027),
  new Date(NOW),
);
const withoutPathway = {
  ...LAGOS,
  milestones: LAGOS.milestones.filter((entry) => entry.key !== "ecfmg_pathway"),
};

/**
 * keptChain with a lay that counts its calls and notes one instant, as chainAt notes its crossings;
 * what it lays is a Match in reach with nothing left (the memo only keeps it).
 */
function counting() {
  let laid = 0;
  const lay = (context: PlanContext): Feasibility => {
    laid++;
    context.riskChangesAt.push(context.now + 1000);
    return {
      readyAt: context.now,
      infeasible: false,
      cause: null,
      slack: Number.POSITIVE_INFINITY,
      earliestMatchYear: context.calendar.matchYear,
      takes: [],
      dropped: null,
      decidedBy: null,
      pathwayLate: null,
      studyUncounted: undefined,
    };
  };
  const ask = (context: PlanContext, judged: Judged = "now", study = true) =>
    keptChain(context, judged, study, lay);
  return { ask, laid: () => laid };
}

const withStatus = (context: PlanContext, key: MilestoneKey, status: MilestoneStatus): PlanContext => {
  const statuses = context.statuses.slice();
  statuses[stepIndex(key)] = status;
  return contextWith(context, { statuses });
};

const withEntry = (context: PlanContext, key: MilestoneKey, status: MilestoneStatus, date?: string) => {
  const entries = context.entries.copy();
  entries.set(date === undefined ? { key, status } : { key, status, date });
  return contextWith(context, { entries });
};

describe("feasibility chains kept across plans", () => {
  it("a second plan at the same instant gets an equal chain of its own, and notes the same instants", () => {
    const first = contextAt();
    const firstNoted = first.riskChangesAt.length;
    const laid = assessAt(first);
    const second = contextAt();
    const secondNoted = second.riskChangesAt.length;
    const kept = assessAt(second);
    expect(kept).toEqual(laid);
    // Rules keep facts per Feasibility object (WeakMaps): a plan never gets another plan's object.
    expect(kept).not.toBe(laid);
    const noted = first.riskChangesAt.slice(firstNoted);
    expect(noted.length).toBeGreaterThan(0);
    expect(second.riskChangesAt.slice(secondNoted)).toEqual(noted);
  });

  it("the same inputs at the same instant are laid once", () => {
    const { ask, laid } = counting();
    ask(contextAt("2026-10-21T10:00:00Z"));
    const again = contextAt("2026-10-21T10:00:00Z");
    const before = again.riskChangesAt.length;
    ask(again);
    expect(laid()).toBe(1);
    expect(again.riskChangesAt.slice(before)).toEqual([Date.parse("2026-10-21T10:00:00Z") + 1000]);
    // What the chain never reads (a step outside it, the applicant's e-mail) shares it.
    ask(withStatus(contextAt("2026-10-21T10:00:00Z"), "eras_application", "done"));
    const other = contextAt("2026-10-21T10:00:00Z");
    ask(contextWith(other, { applicant: { ...other.applicant, email: "else@example.org" } }));
    expect(laid()).toBe(1);
  });

  it("each input the chain reads, changed alone, lays a chain of its own", () => {
    const at = "2026-10-22T10:00:00Z";
    const base = contextAt(at);
    const changed: [string, (context: PlanContext) => PlanContext][] = [
      ["now", () => contextAt("2026-10-22T10:00:00.001Z")],
      ["calendar", (context) => contextWith(context, { calendar: seasonCalendar(2028) })],
      ["zone", (context) => contextWith(context, { zone: "Asia/Tokyo" })],
      [
        "graduation",
        (context) => contextWith(context, { applicant: { ...context.applicant, graduation: "2026-06-30" } }),
      ],
      ["a chain step's status", (context) => withStatus(context, "oet_medicine", "in_progress")],
      [
        "a chain step's applicability",
        (context) => {
          const applicable = context.applicable.slice();
          applicable[stepIndex("ecfmg_pathway")] = false;
          return contextWith(context, { applicable });
        },
      ],
      ["a given date", (context) => withEntry(context, "usmle_step2ck", "scheduled", "2026-11-21")],
      [
        "a given entry's status",
        (context) => withEntry(context, "usmle_step2ck", "in_progress", "2026-11-20"),
      ],
      ["a retake", (context) => contextWith(context, { failedScores: STEP2_FAILED.failedScores })],
    ];
    // The Pathway presumed sent (presumedSent: in progress, presumed, no entry given) or not.
    const unsent = withStatus(
      buildContext(withoutPathway, seasonCalendar(2027), new Date(at)),
      "ecfmg_pathway",
      "in_progress",
    );
    const pairs: [string, PlanContext, PlanContext][] = [
      ...changed.map(([what, change]): [string, PlanContext, PlanContext] => [what, base, change(base)]),
      [
        "the Pathway presumed sent",
        unsent,
        contextWith(unsent, { presumedDone: [stepIndex("ecfmg_pathway")] }),
      ],
    ];
    expect(STEP2_FAILED.failedScores.length).toBe(1);
    for (const [what, from, to] of pairs) {
      const { ask, laid } = counting();
      ask(from);
      const before = laid();
      ask(to);
      expect({ what, laid: laid() - before }).toEqual({ what, laid: 1 });
    }
    for (const [judged, study] of [
      ["lastDay", true],
      ["now", false],
    ] as const) {
      const { ask, laid } = counting();
      ask(base);
      const before = laid();
      ask(base, judged, study);
      expect({ judged, study, laid: laid() - before }).toEqual({ judged, study, laid: 1 });
    }
  });

  it("is bounded: past its instants it starts again", () => {
    const { ask, laid } = counting();
    const first = contextAt("2026-10-23T10:00:00Z");
    ask(first);
    for (let minute = 1; minute <= 256; minute++)
      ask(contextWith(first, { now: first.now + minute * 60_000 }));
    expect(laid()).toBe(257);
    ask(first);
    expect(laid()).toBe(258);
  });
});
