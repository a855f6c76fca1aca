import type { Deadline, NextStep, Plan, Reminder, Risk } from "#domain/plan.ts";
import { escapeHtml, headerText } from "./html.ts";

/**
 * The reminder email: one message holding every reminder due at a wake-up (DESIGN decision 3),
 * rendered as HTML and plain text from the same content. Every value from the applicant or the
 * plan is escaped in the HTML part.
 */
export interface ReminderEmailInput {
  recipientName: string;
  /** Most urgent first; at least one. */
  reminders: readonly Reminder[];
  plan: Plan;
  unsubscribeUrl: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** RFC 8058 one-click unsubscribe: an HTTPS URI in angle brackets and the One-Click POST key. */
  headers: { name: string; value: string }[];
}

const TOP_STEPS = 3;

interface Item {
  title: string;
  dueLocal: string;
  dueEt: string;
  projected: boolean;
  why: string;
  action?: string;
}

function stepFor(plan: Plan, reminder: Reminder): NextStep | undefined {
  return plan.nextSteps.find(
    (step) => step.milestone === reminder.milestone && step.interviewId === reminder.interviewId,
  );
}

function isProjected(deadline: Deadline | undefined): boolean {
  return deadline?.status === "projected";
}

function itemOf(plan: Plan, reminder: Reminder): Item {
  const action = stepFor(plan, reminder)?.action;
  return {
    title: reminder.title,
    dueLocal: reminder.deadlineDetail.local,
    dueEt: reminder.deadlineDetail.et,
    projected: isProjected(reminder.deadlineDetail),
    why: reminder.why,
    ...(action ? { action } : {}),
  };
}

export function reminderSubject(reminders: readonly Reminder[]): string {
  const [first, ...rest] = reminders;
  if (!first) throw new RangeError("A reminder email needs at least one reminder");
  const more = rest.length > 0 ? ` (+${rest.length} more)` : "";
  return headerText(`${first.title}: due ${first.deadlineDetail.local}${more}`, 180);
}

function stepLine(step: NextStep): string {
  const by = step.deadline
    ? ` (by ${step.deadline.local}${isProjected(step.deadline) ? ", projected date" : ""})`
    : "";
  return `${step.title}: ${step.action}${by}`;
}

function riskLine(risk: Risk): string {
  return `${risk.severity === "critical" ? "Critical" : "Warning"}: ${risk.message}`;
}

const WHY_YOU_GET_THIS =
  "You receive this because you (or your advisor) signed you up for Matchpath deadline reminders for the NRMP Main Residency Match.";
const PROJECTED_NOTE =
  "A projected date is derived from earlier seasons because the authority has not published it yet; check the official calendar before relying on it.";

function renderText(name: string, items: Item[], plan: Plan, unsubscribeUrl: string): string {
  const lines: string[] = [
    `Hello ${name},`,
    "",
    items.length === 1
      ? "One deadline needs your attention:"
      : `${items.length} deadlines need your attention:`,
    "",
  ];
  items.forEach((item, index) => {
    lines.push(`${index + 1}. ${item.title}`);
    lines.push(
      `   Due: ${item.dueLocal} (your time) / ${item.dueEt}${item.projected ? " (projected date)" : ""}`,
    );
    lines.push(`   Why it matters: ${item.why}`);
    if (item.action) lines.push(`   Next step: ${item.action}`);
    lines.push("");
  });
  const steps = plan.nextSteps.slice(0, TOP_STEPS);
  if (steps.length > 0) {
    lines.push("Your next steps:");
    for (const step of steps) lines.push(`- ${stepLine(step)}`);
    lines.push("");
  }
  if (plan.risks.length > 0) {
    lines.push("Risks to watch:");
    for (const risk of plan.risks) lines.push(`- ${riskLine(risk)}`);
    lines.push("");
  }
  if (items.some((item) => item.projected)) lines.push(PROJECTED_NOTE, "");
  lines.push("--", WHY_YOU_GET_THIS, `Unsubscribe with one click: ${unsubscribeUrl}`);
  return `${lines.join("\n")}\n`;
}

function renderHtml(name: string, items: Item[], plan: Plan, unsubscribeUrl: string): string {
  const e = escapeHtml;
  const itemHtml = items
    .map(
      (item) => `<li style="margin-bottom:16px">
<strong>${e(item.title)}</strong><br>
Due: ${e(item.dueLocal)} (your time) / ${e(item.dueEt)}${item.projected ? " <em>(projected date)</em>" : ""}<br>
<span>Why it matters: ${e(item.why)}</span>${item.action ? `<br>\n<span>Next step: ${e(item.action)}</span>` : ""}
</li>`,
    )
    .join("\n");
  const steps = plan.nextSteps.slice(0, TOP_STEPS);
  const stepsHtml =
    steps.length === 0
      ? ""
      : `<h2 style="font-size:16px">Your next steps</h2>\n<ul>\n${steps.map((step) => `<li>${e(stepLine(step))}</li>`).join("\n")}\n</ul>`;
  const risksHtml =
    plan.risks.length === 0
      ? ""
      : `<h2 style="font-size:16px">Risks to watch</h2>\n<ul>\n${plan.risks.map((risk) => `<li>${e(riskLine(risk))}</li>`).join("\n")}\n</ul>`;
  const projectedHtml = items.some((item) => item.projected)
    ? `<p><small>${e(PROJECTED_NOTE)}</small></p>`
    : "";
  const heading =
    items.length === 1
      ? "One deadline needs your attention"
      : `${items.length} deadlines need your attention`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(heading)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a;max-width:640px">
<p>Hello ${e(name)},</p>
<p>${e(heading)}:</p>
<ol>
${itemHtml}
</ol>
${stepsHtml}
${risksHtml}
${projectedHtml}
<hr>
<p><small>${e(WHY_YOU_GET_THIS)} <a href="${e(unsubscribeUrl)}">Unsubscribe with one click</a>.</small></p>
</body>
</html>
`;
}

export function renderReminderEmail(input: ReminderEmailInput): RenderedEmail {
  const items = input.reminders.map((reminder) => itemOf(input.plan, reminder));
  return {
    subject: reminderSubject(input.reminders),
    html: renderHtml(input.recipientName, items, input.plan, input.unsubscribeUrl),
    text: renderText(input.recipientName, items, input.plan, input.unsubscribeUrl),
    headers: [
      { name: "List-Unsubscribe", value: `<${input.unsubscribeUrl}>` },
      { name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click" },
    ],
  };
}
