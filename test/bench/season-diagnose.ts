import { fileURLToPath } from "node:url";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { runMemorySeason } from "./support/memory-season.ts";
import type { SimApplicant } from "./support/season.ts";
import { type DeadlineSeen, PlanObserver } from "./support/season-metrics.ts";

/**
 * `npx tsx test/bench/season-diagnose.ts [--applicants N] [--seed S] [--show K] [--milestone M]`
 *
 * Why a required deadline got fewer than two notices: runs the in-memory season on one thread,
 * keeps a summary of every plan, and for each short deadline tells what became of its rungs in the
 * plans after the first that named it (the step blocked and by what, done, moved to another
 * deadline, the season re-planned), then counts the reasons per milestone. A tool for reading the
 * season metric, not a benchmark: it prints, writes nothing.
 */

interface PlanSummary {
  now: number;
  plan: Plan;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

class DiagnosingObserver extends PlanObserver {
  readonly history = new Map<string, PlanSummary[]>();
  readonly reasons = new Map<string, Map<string, number>>();
  readonly shown = new Map<string, number>();

  constructor(
    private readonly show: number,
    private readonly only: string | undefined,
    private readonly clock: () => number,
  ) {
    super(clock);
  }

  override seen(applicantId: string, plan: Plan, now: Date): Plan {
    if (now.getTime() > this.clock()) return plan;
    let list = this.history.get(applicantId);
    if (!list) {
      list = [];
      this.history.set(applicantId, list);
    }
    list.push({ now: now.getTime(), plan });
    return super.seen(applicantId, plan, now);
  }

  override forget(applicantId: string): void {
    this.history.delete(applicantId);
    super.forget(applicantId);
  }

  override multiEmailDay(
    applicant: SimApplicant,
    applicantId: string,
    day: string,
    sent: readonly { reminderId: string; messageId: string; sentAt: number }[],
  ): void {
    const format = new Intl.DateTimeFormat("en-CA", { timeZone: applicant.zone, dateStyle: "short" });
    const that = sent.filter((entry) => format.format(entry.sentAt) === day);
    const lines = [`══ two emails on ${day} (${applicant.zone}), applicant ${applicant.index}`];
    for (const entry of that) {
      const announced = this.reminder(applicantId, entry.reminderId);
      lines.push(
        `   ${iso(entry.sentAt)} ${entry.messageId.slice(0, 12)} ${entry.reminderId} ${announced?.milestone} due ${announced ? iso(announced.deadline) : "?"}`,
      );
    }
    const plans = (this.history.get(applicantId) ?? []).filter(
      (p) => format.format(p.now) === day || format.format(p.now + 86_400_000) === day,
    );
    for (const p of plans)
      lines.push(
        `   plan ${iso(p.now)}: ${p.plan.reminders
          .filter((r) => Date.parse(r.sendAt) - p.now < 2 * 86_400_000)
          .map((r) => `${r.milestone}/${r.rung}@${r.sendAt.slice(0, 16)}→${r.deadline.slice(0, 16)}`)
          .join(" ")}`,
      );
    process.stdout.write(`${lines.join("\n")}\n`);
  }

  override shortfall(
    applicant: SimApplicant,
    applicantId: string,
    key: string,
    seen: DeadlineSeen,
    notices: number,
  ): void {
    const [milestone, interviewId] = key.split("|");
    const plans = (this.history.get(applicantId) ?? []).filter(
      (p) => p.now >= seen.firstSeen && p.now < seen.deadline,
    );
    const states = plans.map((p) => ({
      now: p.now,
      state: stateOf(p.plan, milestone ?? "", interviewId, seen),
    }));
    const gone = states.find((s) => !s.state.startsWith("rungs"));
    const reason = gone ? gone.state.replace(/ \(.*$/, "").slice(0, 160) : "rungs kept to the end";
    const byReason = this.reasons.get(seen.milestone) ?? new Map<string, number>();
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    this.reasons.set(seen.milestone, byReason);
    if (this.only !== undefined && seen.milestone !== this.only) return;
    const count = this.shown.get(seen.milestone) ?? 0;
    if (count >= this.show) return;
    this.shown.set(seen.milestone, count + 1);
    const intake = applicant.events[0]?.submission as ApplicantSnapshot;
    const lines = [
      `── ${seen.milestone} due ${iso(seen.deadline)}Z, ${notices} notice(s); applicant ${applicant.index} ${applicant.zone} ${applicant.visa}${applicant.student ? " student" : ""} grad ${intake.applicant.graduation} sponsorNote ${String(intake.applicant.medicalSchool.wdomsSponsorNote)}`,
      `   first named ${iso(seen.firstSeen)} with rungs ${[...seen.rungs].join(", ")}`,
      `   events: ${applicant.events
        .map(
          (e) =>
            `${iso(e.at).slice(0, 10)} ${e.submission.type === "applicant.snapshot" ? "SNAPSHOT" : ""}${(e.submission.milestones ?? []).map((m) => `${m.key}:${m.status}${m.date ? `@${m.date}` : ""}`).join(",")}`,
        )
        .join(" | ")
        .slice(0, 1500)}`,
      ...compress(states).map((s) => `   ${iso(s.now)} ${s.state}`),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}

/** Consecutive equal states once, with the first instant. */
function compress(states: { now: number; state: string }[]): { now: number; state: string }[] {
  return states.filter((s, i) => i === 0 || states[i - 1]?.state !== s.state);
}

function stateOf(plan: Plan, milestone: string, interviewId: string | undefined, seen: DeadlineSeen): string {
  const rungs = plan.reminders.filter(
    (r) =>
      r.milestone === milestone &&
      (r.interviewId ?? "") === (interviewId ?? "") &&
      Date.parse(r.deadline) === seen.deadline,
  );
  const risks = plan.risks
    .map((r) => `${r.code}${r.earliestFeasibleMatchYear ? `→${r.earliestFeasibleMatchYear}` : ""}`)
    .join(",");
  if (rungs.length > 0)
    return `rungs ${rungs.map((r) => `${r.rung}@${r.sendAt.slice(0, 16)}`).join(" ")} [${risks}]`;
  const blocked = plan.blocked.find((b) => b.milestone === milestone);
  if (blocked) return `blocked by ${blocked.waitingFor.join("; ")} [${risks}]`;
  const step = plan.nextSteps.find((s) => s.milestone === milestone);
  const others = plan.reminders.filter((r) => r.milestone === milestone);
  if (step)
    return `step ${step.urgency} due ${step.dueBy?.slice(0, 16)} target ${step.target?.at.slice(0, 16)} other rungs ${others.map((r) => `${r.rung}→${r.deadline.slice(0, 16)}@${r.sendAt.slice(0, 16)}`).join(" ")} [${risks}]`;
  if (plan.overdue.some((o) => o.milestone === milestone)) return `overdue only [${risks}]`;
  return `absent (done, or not applicable) [${risks}]`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const applicants = Number(value("applicants") ?? 200);
  let observer: DiagnosingObserver | undefined;
  const part = await runMemorySeason({
    first: 0,
    last: applicants,
    seed: Number(value("seed") ?? 2027),
    observer: (clockNow) => {
      observer = new DiagnosingObserver(Number(value("show") ?? 3), value("milestone"), clockNow);
      return observer;
    },
  });
  if (!observer) throw new Error("the season made no observer");
  const t = part.totals;
  process.stdout.write(
    `\ncovered twice ${t.deadlinesCoveredTwice} of ${t.deadlinesRequired}; multi-email days outside interviews ${t.multiEmailDaysOutsideInterviews}\n`,
  );
  process.stdout.write(`not required, re-planned: ${JSON.stringify(t.replannedByMilestone)}\n`);
  for (const [milestone, reasons] of observer.reasons) {
    process.stdout.write(`${milestone}:\n`);
    for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]))
      process.stdout.write(`  ${String(count).padStart(4)}  ${reason}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
