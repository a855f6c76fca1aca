import { Duration } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";

export interface DailySweepProps {
  /** UTC hour of the run. */
  readonly hourUtc: number;
  readonly sweeper: lambda.IFunction;
  /** Where an invocation EventBridge could not deliver goes. */
  readonly deadLetterQueue: sqs.IQueue;
}

/** Runs the sweeper once a day, at minute 0 of the given UTC hour, with a Scheduled Event. */
export class DailySweep extends events.Rule {
  constructor(scope: Construct, id: string, props: DailySweepProps) {
    super(scope, id, {
      description: "Runs the Matchpath sweeper once a day",
      schedule: events.Schedule.cron({ minute: "0", hour: String(props.hourUtc) }),
      targets: [
        new targets.LambdaFunction(props.sweeper, {
          deadLetterQueue: props.deadLetterQueue,
          retryAttempts: 4,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });
  }
}
