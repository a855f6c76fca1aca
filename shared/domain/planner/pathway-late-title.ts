import type { Risk } from "../plan.ts";
import { type PlanContext, statusOf } from "./context.ts";

/**
 * EXAMS_LATE_FOR_RANKING about the Pathway application alone: an application is not a
 * sitting, so "move it earlier" fits nothing. Critical only once even an application sent today
 * could not be decided by the rank order list deadline (pathwayNotSubmitted), so the title says it
 * is too late; in progress with no date it may be submitted already, so it asks, as the risk does.
 */
const PATHWAY_LATE_ASKED_TITLE =
  "Your ECFMG Pathway application is too late for the {year} Match unless you already submitted it: tell us the date now";
const PATHWAY_LATE_TITLE =
  "Your ECFMG Pathway application can no longer be decided in time for the {year} Match: talk to your advisor now";

/** The title for EXAMS_LATE_FOR_RANKING naming only the Pathway application, else undefined (the exams' title). */
export function pathwayLateTitle(context: PlanContext, risk: Risk): string | undefined {
  if (risk.milestones.length !== 1 || risk.milestones[0] !== "ecfmg_pathway") return undefined;
  return statusOf(context, "ecfmg_pathway") === "in_progress" ? PATHWAY_LATE_ASKED_TITLE : PATHWAY_LATE_TITLE;
}
