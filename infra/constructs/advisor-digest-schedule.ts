import { Aws, Duration, TimeZone, Validations } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as targets from "aws-cdk-lib/aws-scheduler-targets";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { DIGEST_SCHEDULE_INPUT } from "../../functions/sweeper/schedule-input.ts";
import { wildcardResourceFinding } from "./nag.ts";

export interface AdvisorDigestScheduleProps {
  /** UTC hour of the digest. */
  readonly hourUtc: number;
  /** The function that makes the digests (the sweeper, which reads the schedule's Input). */
  readonly sweeper: lambda.IFunction;
  /** Where an invocation Scheduler could not deliver goes. */
  readonly deadLetterQueue: sqs.IQueue;
}

/**
 * The advisors' daily digest: an EventBridge Scheduler recurring schedule, at minute 0 of the given
 * UTC hour, invoking the sweeper with the digest's Input (its scheduled time filled in by Scheduler).
 * In the default schedule group, not the wake-ups' group: that group's role and grants are for the
 * per-applicant one-time schedules only. Its own role may invoke the sweeper and nothing else.
 */
export class AdvisorDigestSchedule extends Construct {
  readonly schedule: scheduler.Schedule;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: AdvisorDigestScheduleProps) {
    super(scope, id);
    // Confused-deputy guard: only this account's schedules may assume the role.
    // https://docs.aws.amazon.com/scheduler/latest/UserGuide/cross-service-confused-deputy-prevention.html
    this.role = new iam.Role(this, "Role", {
      description: "Runs the Matchpath advisors' digest schedule: invokes the sweeper, nothing else",
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": Aws.ACCOUNT_ID } },
      }),
    });
    this.schedule = new scheduler.Schedule(this, "Schedule", {
      description: "Sends the Matchpath advisors' daily digest",
      schedule: scheduler.ScheduleExpression.cron({
        minute: "0",
        hour: String(props.hourUtc),
        timeZone: TimeZone.ETC_UTC,
      }),
      target: new targets.LambdaInvoke(props.sweeper, {
        role: this.role,
        input: scheduler.ScheduleTargetInput.fromObject(DIGEST_SCHEDULE_INPUT),
        deadLetterQueue: props.deadLetterQueue,
        // A failed run gave its advisors' days back, so a retry sends only what is still unsent.
        retryAttempts: 4,
        maxEventAge: Duration.hours(6),
      }),
    });
    Validations.of(this.role).acknowledge({
      id: wildcardResourceFinding(this, `${props.sweeper.functionArn}:*`),
      reason:
        "LambdaInvoke grants the sweeper's versions and aliases beside its unqualified ARN; the schedule " +
        "targets the unqualified ARN, and the role can invoke no other function.",
    });
  }
}
