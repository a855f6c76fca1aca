import type { PlanContext } from "./context.ts";

/**
 * When the reminder `id` went out (epoch ms), as the caller's ledger says (PlannerInput.remindersSent),
 * else undefined: not sent, no ledger given, or marked sent after this plan's now (a plan as of an
 * earlier instant, which must not know of it).
 */
export function sentAt(context: PlanContext, id: string): number | undefined {
  const iso = context.remindersSent?.[id];
  if (iso === undefined) return undefined;
  const at = Date.parse(iso);
  return at <= context.now ? at : undefined;
}
