import { Aws, type RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import { Construct } from "constructs";
import { DeadLetterQueue } from "./dead-letter-queue.ts";
import { LOGICAL_IDS, pinLogicalId } from "./logical-ids.ts";
import { wildcardResourceFinding } from "./nag.ts";

export interface WakeUpSchedulingProps {
  readonly removalPolicy: RemovalPolicy;
}

/**
 * EventBridge Scheduler for the one-wake-up-per-applicant design (DESIGN decision 3): a schedule
 * group that holds every applicant's one-time schedule, the execution role those schedules run
 * as, and the dead-letter queue for invocations Scheduler could not deliver. The schedules
 * themselves are created at run time by the functions granted `grantManageWakeUps`.
 */
export class WakeUpScheduling extends Construct {
  readonly group: scheduler.ScheduleGroup;
  readonly executionRole: iam.Role;
  readonly deadLetterQueue: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: WakeUpSchedulingProps) {
    super(scope, id);

    // The group's name is generated from the construct path (unique per stack, so per stage) and is
    // known at synth time, which keeps the schedule ARNs in the grants below free of tokens.
    this.group = new scheduler.ScheduleGroup(this, "Group", { removalPolicy: props.removalPolicy });
    pinLogicalId(this.group, LOGICAL_IDS.scheduleGroup);

    this.deadLetterQueue = new DeadLetterQueue(this, "DeadLetterQueue", {
      logicalId: LOGICAL_IDS.wakeUpDeadLetterQueue,
      role: "the dead-letter queue of the wake-up schedules",
    });

    // Confused-deputy guard: only this account's schedules in this group may assume the role.
    // https://docs.aws.amazon.com/scheduler/latest/UserGuide/cross-service-confused-deputy-prevention.html
    this.executionRole = new iam.Role(this, "ExecutionRole", {
      description: "Runs Matchpath wake-up schedules: invokes the reminder function, nothing else",
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: {
          StringEquals: { "aws:SourceAccount": Aws.ACCOUNT_ID },
          ArnLike: { "aws:SourceArn": this.group.scheduleGroupArn },
        },
      }),
    });
    // Scheduler delivers dead-letter events with the schedule's execution role.
    // https://docs.aws.amazon.com/scheduler/latest/UserGuide/configuring-schedule-dlq.html
    this.executionRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ["sqs:SendMessage"],
        resources: [this.deadLetterQueue.queueArn],
      }),
    );
  }

  private target?: lambda.IFunction;

  /**
   * Makes `fn` the one function the schedules may invoke: its unqualified ARN only (no ":*"
   * versions or aliases), which is what the schedules target. A second target is refused.
   */
  allowInvoking(fn: lambda.IFunction): void {
    if (this.target) throw new Error("The wake-up schedules already have their target");
    this.target = fn;
    this.executionRole.addToPolicy(
      new iam.PolicyStatement({ actions: ["lambda:InvokeFunction"], resources: [fn.functionArn] }),
    );
  }

  /** ARN pattern of the schedules in the group: names are per applicant, chosen at run time. */
  get scheduleArnPattern(): string {
    return Stack.of(this).formatArn({
      service: "scheduler",
      resource: "schedule",
      resourceName: `${this.group.scheduleGroupName}/*`,
    });
  }

  /**
   * Lets a function arm, re-arm and disarm wake-ups: manage schedules in this group only, and pass
   * the execution role to Scheduler only.
   */
  grantManageWakeUps(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [
          "scheduler:CreateSchedule",
          "scheduler:UpdateSchedule",
          "scheduler:DeleteSchedule",
          "scheduler:GetSchedule",
        ],
        resources: [this.scheduleArnPattern],
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["iam:PassRole"],
        resources: [this.executionRole.roleArn],
        conditions: { StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" } },
      }),
    );
    Validations.of(grantee.grantPrincipal as unknown as Construct).acknowledge({
      id: wildcardResourceFinding(this, this.scheduleArnPattern),
      reason:
        "Wake-up schedules are created at run time, one per applicant and named after the applicant, " +
        "so their names are unknown at deploy time; the pattern is limited to this stack's schedule group.",
    });
  }
}
