import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seasonCosts } from "./cost-model.ts";
import { atLeast, type BenchSuite, below, type Figure, info } from "./lib/report.ts";
import { simulateInMemory } from "./simulate.ts";
import type { SeasonReport } from "./support/memory-season.ts";

/**
 * The season simulation as benchmark figures: 1,000 applicants in memory (200 with --quick) on
 * the real use cases and adapters, plus the run time of the last national-scale run
 * (`npm run simulate -- --applicants 50000`), read from the file it wrote.
 */

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function perEmail(report: SeasonReport, label: string): number {
  const requests = report.tallies
    .filter((t) => t.service === `reminder:${label}`)
    .reduce((sum, t) => sum + t.requests, 0);
  return requests / Math.max(1, report.totals.emails);
}

export const seasonSuite: BenchSuite = {
  name: "season",
  description:
    "`npm run simulate` in memory: seeded applicants (55 % J-1, 20 % H-1B, 15 % no visa, 10 % undecided; 30 % students; 22 zones from Kolkata to Auckland; progress from nothing to ERAS submitted) send a snapshot between March and September 2026, milestone updates as they progress, and interviews from October to January; the real use cases run on the real adapters (the Dynamo repositories, EventBridgeWakeUpScheduler, SesMailer, EventBridgePublisher) whose SDK clients are served in memory with EventBridge Scheduler's semantics (a fired one-time schedule deletes itself) and counted; a simulated clock fires each applicant's one schedule at its instant through March 2027. Cost is per 1,000 applicants per season at list price (test/bench/prices.ts, sources in shared/aws-numbers.md), side by side with a one-schedule-per-reminder design and a Step Functions Standard design modelled from the same counts (test/bench/cost-model.ts explains the models). The stream is modelled as one planner run per accepted intake (an upper bound).",
  notes:
    "Findings. **Scheduler calls per email were 2.0** with the first version of the EventBridge Scheduler adapter: the schedule that wakes the reminder function deletes itself (ActionAfterCompletion DELETE), so its re-arm always met ResourceNotFound before creating. The reminder function now creates first (one call; an UpdateSchedule only on ConflictException when the planner re-armed meanwhile): 1.0 per email. The one DeleteSchedule left per applicant (the last email of the season, whose schedule is already gone) fails with ResourceNotFound, harmlessly. **Cost without SES misses $0.10 per 1,000 applicants: $0.32, from $0.59.** It was about $0.59 when about 80 % of the DynamoDB writes (760,000 WRU per 1,000 applicants, $0.48) were the PLAN item: about 20 KB of JSON (20 WRU a write, and 5 RRU in every Query of the partition), written by the planner on every change (about 9 times per applicant) and by the reminder function after every email (about 20 times). The plan is now stored gzip-compressed (about 4 KB) and the reminder function writes it in the same TransactWriteItems as the sent marks (one request fewer per email): writes 375,000 WRU ($0.23), reads 135,000 RRU ($0.017, from $0.035). Writing the plan only when its hash changes would not help the reminder function: the plan as of each fire time drops the rung just passed, so its hash changes at every email. What remains, per 1,000 applicants: the sent-marks transactions with the plan about 246,000 WRU (a transaction bills each item twice, so the compressed plan costs about 8 WRU per email there), intake transactions 76,000, planner plan puts 37,000, claims 17,000; and outside DynamoDB $0.073 (EventBridge events $0.029: one PlanChanged per plan change and one ReminderSent per email; Scheduler invocations $0.020; API Gateway, Lambda). Those non-DynamoDB lines plus the intake writes already exceed $0.10, so the target also needs fewer events (e.g. ReminderSent only where a subscriber exists) and cheaper intake writes; writing the sent marks and the plan with BatchWriteItem (billed once, not twice; the marks as whole-item puts) would save about a further $0.07. **Coverage was 94.6 % against 100 %; the metric was wrong, not the planner: now 100 %** (7,157 of 7,157 on the full run). The metric collected, per deadline, the send instants of every plan, and every plan made after a rung's slot (the reminder function re-plans at each wake-up) re-times that rung, under the same id, to the next delivery slot (the catch-up), so one rung became two instants and the deadline was counted as needing two notices. The 402 short interviews were all thank-you deadlines (a one-rung ladder: the day after the interview, then its catch-up a day later); the 7 ERAS-token ones were one start-by rung moving as the latest safe start moved. Preparation reminders were never short: test/unit/domain/interview-reminders.test.ts plans an interview booked 3 to 20 days ahead in five zones and replays the wake-ups: both rungs, on two local days, every time (booked 2 days ahead after 09:00, the 7-day rung's catch-up would share the 1-day rung's slot, so by the planner's contract one rung is left). The metric now counts a deadline as needing two notices when the first plan naming it held two or more distinct rung ids for it (a catch-up counts as one), keys interviews by interview id too (one interview's thank-you deadline, start + 48 h, is another's start when they are two days apart at the same hour), and judges whether the milestone was still open from the first event that reported the milestone done (interview invitations re-send `eras_application: done`, sometimes before the script's own completion date; the 3 short ERAS applications were that: the applicant had said done, and the planner rightly stopped). No notice was sent after its deadline and no applicant got two emails on a day that was not an interview day. **Coverage fell to 92.5 % after issue 9's planner changes; the metric, not the planner, was wrong for every short deadline in the first 300 applicants (166 of 2,018 there), and the planner for the multi-email days** (test/bench/season-diagnose.ts tells, per short deadline, what each later plan did with its rungs). Two metric faults: (1) the console's cohort row re-runs the planner at future instants (`upcomingFacts`), and those look-ahead plans were observed as if acted on, naming deadlines 'first' from a future that had not happened (all 43 short SOAP deadlines, and most of the late-NRMP ladders); plans made for an instant after the simulated clock are now ignored; (2) a deadline dropped by a plan that re-planned an out-of-reach season (MATCH_YEAR_NOT_FEASIBLE: the season's steps wait for 'a feasible Match year', the early steps are dated for the earliest feasible Match) was still counted as required. **Definition now: a deadline needs two notices when the first acted-on plan naming it held two or more distinct rungs, it fell inside the simulated season, the milestone was still open at it, and it was not dropped by a re-planning plan before it (a re-planned deadline that got its two notices anyway counts as required and covered); re-planned ones are counted apart** (`re-planned (not required)` in the figure's note). Every re-planned case read in the diagnostic was an applicant an advisor would re-plan: e.g. Step 1 not begun in June 2026, or only Step 1 done by mid-November, with no ERAS application. test/unit/bench/season-metrics.test.ts checks the definition on hand-made plans, including a dropped deadline without a re-plan that must count as short. The planner was wrong on the multi-email days: a late-arrival notice at the end of quiet hours (08:00) and the day's 09:00 rungs made two emails; reminders due later that local day now join the late notice (test/unit/domain/reminder-days.test.ts). The 1,000-applicant run after both (load 17, not a quiet figure): 7,148 of 7,149 covered, one OET deadline and one multi-email day left; **the multi-email day was the simulator's** (season-diagnose: an applicant in Manila got the 09:00 interview-prep rung, then at 18:38 the critical notice ROL_BEFORE_RANKING_OPENS, because the script certified the rank order list on 2026-12-06, six weeks before ranking opens; the planner answering at once is its contract), and the script now certifies a list no earlier than the day after ranking opens (200 applicants: 1 to 0); re-planned, not required: 123 NRMP registration, 37 Step 1, 29 OET, 21 Step 2 CK, 11 each USCE/LoRs/personal statement/program list/CV, 7 ECFMG application, 4 each Pathway/ERAS token. **National scale**: 50,000 applicants finish in about 14.7 minutes on two worker threads with other engineers' work on the same two cores; on an idle machine it is about 10 minutes (1,000 applicants per 21 s per thread).\n\n**Issue 11: `npm run bench -- --quick` against the state before the restructuring (2026-12-01; counts compared exactly, timings only where noted).** The restructuring began with 8f9214d (the stack as constructs), so 16136be is the state before it. `--quick` ran there and at main (d00a425; its pipeline call counts from the same phases without the sustained-rate phase, which the 10-minute watchdog stopped at load 20+), and every count that moved was bisected with `git bisect run` over the in-memory season (20 applicants, seed 2027, DynamoDB units by AWS's rules: the same counts on every run). **No count was moved by a restructuring commit.** At 20472f6, after the store split, the stack constructs, the one provider list, time.ts checked against Luxon, the poller class, the local stack in parts and the config/adapters split, the emails (447), requests and write units (8,182) are those of 16136be; the read units rose 2.6 % there, bisected to 3be661d (issue 10's squashed commit: items read a little larger, no write unit changed). The later moves leave every count where their parent left it, item kind by item kind (measured at the commit and its parent: 304a719 send-due-reminders split, ea292f0 intake store split, a2dbca6 counting clients, 9defae3 the store facade deleted, 13448c9 duplicated logic out; 8699ed2, one parse-or-throw, lies between two commits with the same counts). Every count that grew came with a feature, and one issue 11 commit (3d43e69, with the plan slot after it) took planner write units back:\n\n| figure (`--quick`) | 16136be | main | moved by (bisected, in-memory season per email or per planner run) | why |\n|---|---:|---:|---|---|\n| calls.per_reminder_email.dynamodb_wcu | 17.3 | 34 | 12.8 → 29.1 in memory: bd9633f +0.9 (issue 15, the console's first cut: the cohort row on the PLAN item), af348c3 +3.5 (issue 9, richer plans), bb2d55b +3.2 (issue 15, the cohort row with the facts time alone will change, on the PLAN item), 39ee6e6 +4.7 (issue 15, erase safety), then smaller steps (25.6 at 39ee6e6 to 29.1 at main over about 300 commits, none over +1.2 between the commits measured; not pinned) | the PLAN item is the bytes: 16.4 of the 29.1 WCU per email are the plan, billed twice in the sent-marks transaction (about 8 KB gzipped, from about 4 KB); erase safety adds a ConditionCheck of the profile to the claim and to the sent marks (2 WCU each) and makes a lone claim transactional; the console's copy of ReminderSent is 2 WCU. **Reduced (issue 11, 57ba9b4):** the plan is stored brotli-compressed (quality 5, `planBr`; 6.5 KB against gzip's 7.0 KB on the season's 794 plans): 16.86 → 15.77 WCU per plan in the sent-marks transaction, 8.20 → 7.72 per planner PutItem; with the wake-ups above, reminder WCU per email 29.4 → 27.5 and RCU 7.15 → 6.53 in memory. **Reduced (issue 11, cost12's 'The PLAN item keeps the plan's summary and its scheduled reminders'):** every reader of an applicant re-plans from the state (timeline, console, feed, reminder function, what-if, the cohort look-ahead), and the one reader of the stored plan was the next planner run, for the reminders it drops (RemindersCancelled), which needs their keys, instants and titles; so the PLAN item keeps its summary, the cohort row and those reminders (`remindersBr`, 0.6-1 KB) instead of the whole plan. No request and no item added (an item of its own for the body would have cost a write somewhere with nothing reading it): plan in the sent-marks transaction 16.11 → 4.14 WCU per item, reminder WCU per email 28.05 → 15.69 and RCU 6.83 → 5.21 in memory (20 applicants), emails, wake-ups and coverage unchanged. The season's memory table no longer replaces the plan by a placeholder, so its planner runs publish the RemindersCancelled that production already published (event copies 220 → 290) |\n| calls.per_planned_applicant.dynamodb_wcu, requests | 6.10, 2 | 13.6, 3 | 3.8 → 11.5 per planner run in memory: bd9633f +0.9, af348c3 +1.2, bb2d55b +1.4, 39ee6e6 +9.2 (7.4 → 16.6: plan, event copies and the profile check in one transaction), then 3d43e69 (issue 11) 18.5 → 12.0 | the trade 3d43e69 made on purpose: the plan alone in a conditional PutItem (billed once) for one more request. **Undone (issue 11, cost12's 'A re-plan with events is one transaction again'):** with the PLAN item at about 2 KB that request saved about 2 WCU, so a re-plan with events writes the plan, its copies and the profile check in one transaction again (a re-plan without events keeps the conditional PutItem): in memory planner requests per run 2.88 → 1.94 (2 per run that writes, as at 16136be), WCU per plan written 7.0 → 9.1 (12.0 after 3d43e69, 18.5 before it) |\n| calls.per_milestone_update.dynamodb_requests | 3.97 | 4.93 | 3d43e69 (issue 11) | the same trade on a re-plan (the copies' transaction, then the plan's PutItem); undone with the row above (one transaction per re-plan with events): the intake's 2 requests and the planner's 2, as at 16136be (not re-measured by the pipeline suite here) |\n| calls.per_reminder_email.dynamodb_rcu | 3.30 | 6.1 | 4.0 → 9.6 in memory, in steps: 3be661d +0.1 (issue 10), bd9633f +0.6, af348c3 +0.5, then the partition growing feature by feature | the applicant's Query read its whole partition, and the partition keeps logs that only grow (EVENT#, INTAKE#, AUDIT#): **fixed** (a4c075f, the state's sort-key range only): 9.6 → 7.0 per email, planner 6.9 → 4.9 per run, the season's reads −28 %, nothing else changed |\n| calls.per_reminder_email.dynamodb_requests, scheduler_calls | 4, 1 | 4.38, 1.18 (targets missed) | 3d3287c (issue 15, tester s7 15b: the applicant's wake-up also comes at the instants where time alone changes a risk, so a non-consenting applicant hears of a risk turning critical at the next delivery slot; advisors have their own timer, escalation-timer.ts): 4.00 → 4.30 requests per email in memory | wake-ups that send nothing (16 of 100 in the pipeline run; 62 of 631 in the season) still cost a Query, the plan's PutItem and a re-arm. **Reduced (issue 11, 905440a):** a risk-change instant is armed only when the plan re-made there (same state, later instant) holds a reminder not yet handled that goes out before the next reminder, e.g. the critical notice (riskChangeTells in usecases/planning.ts); in memory 637 → 591 wake-ups for the same 575 emails and 776 reminders, 62 → 16 that send nothing, reminder requests per email 4.25 → 4.06, Scheduler calls per email 1.11 → 1.02, coverage and lateness unchanged. **The rest diagnosed and removed (issue 11, cost12's 'Wake-ups that sent nothing'):** every one left (38 in today's 20-applicant season: 673 wake-ups for 635 emails) was a risk-change instant plus one second (deadlines passing at 02:00 or 04:59 UTC) whose re-plan holds a notice that goes out at the next delivery slot, so the wake-up at the change found nothing due and re-armed for the slot; the wake-up is now armed for the instant the notice goes out (riskChangeTells gives it, nextWakeUp takes the earliest): 635 wake-ups for 635 emails, reminder requests per email 4.12 → 4.00, Scheduler calls per email 1.06 → 1.00, the same 835 reminders sent (two of them one second earlier, at their own sendAt) |\n| season.emails_per_applicant_mean, max | 20, 46 | 22.7, 62 | features (issue 9's late-arrival notices and re-planned seasons, the follow-ups after a missed target); not bisected one by one | more emails for behind applicants, by design |\n| season.deadlines_covered_twice | 100 % | 98.5 % (22 SOAP deadlines short) | a planner regression of session 8 (issue 9: SOAP dropped for a registered applicant with no certified rank order list, so the SOAP ladder armed earlier was cut after one rung), fixed by 2290d9e (issue 9, after d00a425): 40 applicants in memory, 314 of 319 (5 SOAP short) at its parent, 319 of 319 at it | 100 % again at 52742ac (the 200 applicants of `--quick` in memory: 1,493 of 1,493); not an issue 11 commit |\n| cost.matchpath_without_ses_per_1000 | $0.334 | $0.695 | the rows above: DynamoDB writes 375,000 → 888,000 WRU ($0.234 → $0.555); reads $0.017 → $0.030 after the fix | |\n\n**Season CPU** (not a count: one interleaved pair at load 26–33, process CPU of the in-memory season of 20 applicants): 3.6 s at 16136be against 9.8 s at main, about ×2.1 per intake and wake-up. A CPU profile of main's season puts it in features, not in the restructuring: `plan()` 18 % (issue 9's planner; left to the planner's own work), the console cohort row's look-ahead (`lookAheadFacts`, re-planning at the instants where time alone changes a risk, issue 15) 15 %, writing the PLAN item (JSON and gzip of a plan 1.7 times larger) 16 %, the interview `.ics` 5 %, the email's rendering 3 %, the bench's own scoring 18 %. Bundle sizes and module init are the cold-start work's (issue 14), the planner's throughput the planner's (issue 9).",
  async run({ quick, progress = () => undefined }) {
    const applicants = quick ? 200 : 1000;
    let month = "";
    // The simulation is one long phase: each simulated month is reported, so the watchdog and a
    // person see it move (it was stopped twice for no progress under load).
    const report = await simulateInMemory({ applicants, seed: 2027, workers: 2 }, (done, simulatedAt) => {
      const reached = new Date(simulatedAt).toISOString().slice(0, 7);
      if (reached === month) return;
      month = reached;
      progress(`season simulation: simulated clock at ${reached}, ${done}/${applicants} applicants scored`);
    });
    const t = report.totals;
    const [matchpath, perReminder, stepFunctions] = seasonCosts(report);
    const figures: Figure[] = [
      info("season.applicants", applicants, "applicants", `in memory, ${round(report.runMs / 1000, 1)} s`),
      info("season.emails_per_applicant_mean", round(t.emails / t.applicants, 1), "emails"),
      info("season.emails_per_applicant_max", t.maxEmails, "emails"),
      info("season.most_emails_one_day", t.maxInOneDay, "emails", "any applicant, any local day"),
      below(
        "season.multi_email_days_outside_interviews",
        t.multiEmailDaysOutsideInterviews,
        "applicant-days",
        1,
        "target 0",
      ),
      atLeast(
        "season.deadlines_covered_twice",
        round((100 * t.deadlinesCoveredTwice) / Math.max(1, t.deadlinesRequired), 1),
        "%",
        100,
        `${t.deadlinesCoveredTwice} of ${t.deadlinesRequired}; short: ${JSON.stringify(t.uncoveredByMilestone)}; not required, dropped when the season was re-planned (MATCH_YEAR_NOT_FEASIBLE): ${JSON.stringify(t.replannedByMilestone)}`,
      ),
      below("season.notices_after_deadline", t.noticesAfterDeadline, "notices", 1, "target 0"),
      {
        name: "season.peak_outstanding_schedules",
        value: report.peakSchedules,
        unit: "schedules",
        target: `<= ${applicants}`,
        met: report.peakSchedules <= applicants,
      },
      below(
        "season.cloud_scheduler_calls_per_email",
        round(perEmail(report, "scheduler")),
        "calls",
        1.0001,
        "reminder function on the EventBridge Scheduler adapter",
      ),
      info("season.cloud_dynamodb_requests_per_email", round(perEmail(report, "dynamodb")), "requests"),
    ];
    if (matchpath && perReminder && stepFunctions) {
      const largest = [...matchpath.lines]
        .filter((line) => line.service !== "SES")
        .sort((a, b) => b.usd - a.usd)[0];
      figures.push(
        below(
          "cost.matchpath_without_ses_per_1000",
          round(matchpath.withoutSesUsd, 4),
          "USD/1000 applicants/season",
          0.1,
          `largest: ${largest?.service} $${round(largest?.usd ?? 0, 4)}; ${matchpath.lines
            .filter((l) => l.service !== "SES")
            .map((l) => `${l.service} $${round(l.usd, 4)}`)
            .join(", ")}`,
        ),
        info("cost.matchpath_ses_per_1000", round(matchpath.totalUsd - matchpath.withoutSesUsd, 2), "USD"),
        info(
          "cost.schedule_per_reminder_without_ses_per_1000",
          round(perReminder.withoutSesUsd, 4),
          "USD",
          `SES $${round(perReminder.totalUsd - perReminder.withoutSesUsd, 2)} (one email per reminder)`,
        ),
        info(
          "cost.step_functions_without_ses_per_1000",
          round(stepFunctions.withoutSesUsd, 4),
          "USD",
          "lean model, 3 transitions per wake-up and per planner run",
        ),
      );
    }
    const national = fileURLToPath(new URL("../../.data/simulation-memory-50000.json", import.meta.url));
    if (existsSync(national)) {
      const saved = JSON.parse(readFileSync(national, "utf8")) as { report: SeasonReport };
      figures.push(
        below(
          "season.national_50000_run_time",
          round(saved.report.runMs / 60_000, 1),
          "min",
          15,
          "last `npm run simulate -- --applicants 50000` (2 worker threads)",
        ),
      );
    }
    return figures;
  },
};
