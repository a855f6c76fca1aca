import type { Risk } from "../plan.ts";

/**
 * A mark one rule sets on Risk objects it made, for a later rule of the same plan to read (a notice's
 * title or phase), without a field on Risk that every channel would carry. Risk objects are fresh per
 * plan, so a WeakSet: no other plan reads them, and nothing outlives its plan.
 * `mark` returns the risk it marks; `has` tells whether a risk carries the mark.
 */
export function riskMark(): { mark: (risk: Risk) => Risk; has: (risk: Risk) => boolean } {
  const marked = new WeakSet<Risk>();
  return {
    mark: (risk) => {
      marked.add(risk);
      return risk;
    },
    has: (risk) => marked.has(risk),
  };
}
