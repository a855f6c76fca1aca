import type { Plan } from "#domain/plan.ts";
import { MILESTONE_KEYS } from "#domain/snapshot.ts";

const KEYS: ReadonlySet<string> = new Set(MILESTONE_KEYS);

/**
 * The waits of blocked steps on milestones in no section of the plan (next steps, blocked,
 * overdue), as "<step> <- <milestone>": a step the plan waits on is always visible.
 * Conditions that are not milestone keys are left out.
 */
export function hiddenWaits(result: Plan): string[] {
  const shown = new Set<string>([
    ...result.nextSteps.map((step) => step.milestone),
    ...result.blocked.map((step) => step.milestone),
    ...result.overdue.map((step) => step.milestone),
  ]);
  return result.blocked.flatMap((step) =>
    step.waitingFor
      .filter((key) => KEYS.has(key) && !shown.has(key))
      .map((key) => `${step.milestone} <- ${key}`),
  );
}
