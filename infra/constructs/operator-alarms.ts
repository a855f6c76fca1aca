import { ArnFormat, Duration, Stack } from "aws-cdk-lib";
import type * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { ESCALATION_REJECTED_MESSAGE } from "#observability/alarmed-log-lines.ts";

export interface OperatorAlarmsProps {
  /** Subscribed by email (AWS mails a confirmation link first). */
  readonly email: string;
}

/** How far behind the planner may read the table's stream before someone is told (ms). */
export const STREAM_ITERATOR_AGE_ALARM_MS = 5 * 60_000;

/**
 * SES reputation thresholds. AWS puts an account under review at a 5 % bounce rate and at a
 * 0.1 % complaint rate (https://docs.aws.amazon.com/ses/latest/dg/faqs-enforcement.html); the
 * alarms fire earlier, at 4 % and 0.08 %, to leave time to act. The metrics are fractions.
 */
export const SES_BOUNCE_RATE_ALARM = 0.04;
export const SES_COMPLAINT_RATE_ALARM = 0.0008;

/**
 * The operators' alarms, all notifying one SNS topic: a message in any dead-letter queue, function
 * errors and throttles, and the SES account's bounce and complaint rates nearing review.
 */
export class OperatorAlarms extends Construct {
  readonly topic: sns.Topic;
  private readonly action: actions.SnsAction;

  constructor(scope: Construct, id: string, props: OperatorAlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, "Topic", { displayName: "Matchpath alarms", enforceSSL: true });
    // enforceSSL gives the topic an AWS::SNS::TopicPolicy, which replaces the default policy: without
    // this statement nothing allows CloudWatch to publish, and every alarm would notify no one.
    // https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: "AllowCloudWatchAlarmsOfThisAccount",
        principals: [new iam.ServicePrincipal("cloudwatch.amazonaws.com")],
        actions: ["sns:Publish"],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { "aws:SourceAccount": stack.account },
          ArnLike: {
            "aws:SourceArn": stack.formatArn({
              service: "cloudwatch",
              resource: "alarm",
              resourceName: "*",
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    this.action = new actions.SnsAction(this.topic);
  }

  /** Any visible message means a record or invocation was parked: someone must look. */
  onDeadLetters(queue: sqs.IQueue, label: string): cloudwatch.Alarm {
    return this.add(`${label}DeadLetters`, {
      alarmDescription: `${label}: a message is waiting in the dead-letter queue`,
      metric: queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
    });
  }

  /** Errors and throttles of one function, each as its own alarm. */
  onFunction(fn: lambda.IFunction, label: string): void {
    this.add(`${label}Errors`, {
      alarmDescription: `${label}: the function failed`,
      metric: fn.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
    });
    this.add(`${label}Throttles`, {
      alarmDescription: `${label}: invocations were throttled (concurrency limit)`,
      metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
    });
  }

  /**
   * Server errors of the HTTP API: the http-api turns a failure into a 500 response rather than an
   * invocation error, so this, not the function's Errors, is what an intake outage shows up in.
   */
  onServerErrors(api: apigw.IHttpApi, label: string): cloudwatch.Alarm {
    return this.add(`${label}ServerErrors`, {
      alarmDescription: `${label}: requests answered 5xx (intake, the applicant's pages or links, or the console failing)`,
      metric: api.metricServerError({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
    });
  }

  /**
   * The stream mapping's iterator age: how old the newest record the planner read is. Growing means
   * plans (and so wake-ups) fall behind intake; records older than 24 hours leave the stream.
   */
  onStreamLag(fn: lambda.IFunction, label: string): cloudwatch.Alarm {
    return this.add(`${label}IteratorAge`, {
      alarmDescription: `${label}: the planner is more than ${STREAM_ITERATOR_AGE_ALARM_MS / 60_000} minutes behind the table's stream`,
      metric: fn.metric("IteratorAge", { period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: STREAM_ITERATOR_AGE_ALARM_MS,
    });
  }

  /**
   * Advisor escalations SES rejected for good: each is recorded as not sent and logged at
   * error level, and the invocation succeeds (the applicant's reminders go on), so neither the
   * function's Errors nor a dead-letter queue shows it. A metric filter on each sender's log group
   * counts the line (ESCALATION_REJECTED_MESSAGE); one in five minutes alarms. The namespace is the
   * stack's, so two stages in one account do not share the count.
   */
  onRejectedEscalations(senders: readonly lambda.Function[]): cloudwatch.Alarm {
    const namespace = `Matchpath/${Stack.of(this).stackName}`;
    const metricName = "EscalationsRejected";
    senders.forEach((sender, index) => {
      new logs.MetricFilter(this, `EscalationsRejectedFilter${index}`, {
        logGroup: sender.logGroup,
        filterPattern: logs.FilterPattern.stringValue("$.message", "=", ESCALATION_REJECTED_MESSAGE),
        metricNamespace: namespace,
        metricName,
        metricValue: "1",
      });
    });
    return this.add("EscalationsRejected", {
      alarmDescription:
        "An advisor escalation was rejected by SES for good (sender, identity or account): see the logs for the escalation rejected line",
      metric: new cloudwatch.Metric({
        namespace,
        metricName,
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.SUM,
      }),
      threshold: 1,
    });
  }

  /** Account-wide SES reputation (the `AWS/SES` metrics carry no dimension). */
  onSesReputation(): void {
    const reputation = [
      ["SesBounceRate", "Reputation.BounceRate", "bounce", SES_BOUNCE_RATE_ALARM, "5 %"],
      ["SesComplaintRate", "Reputation.ComplaintRate", "complaint", SES_COMPLAINT_RATE_ALARM, "0.1 %"],
    ] as const;
    for (const [id, metricName, what, threshold, review] of reputation) {
      this.add(id, {
        alarmDescription: `SES ${what} rate at or above ${threshold * 100} % (review at ${review})`,
        metric: new cloudwatch.Metric({
          namespace: "AWS/SES",
          metricName,
          period: Duration.hours(1),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
        threshold,
      });
    }
  }

  private add(
    id: string,
    props: { alarmDescription: string; metric: cloudwatch.IMetric; threshold: number },
  ): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      ...props,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data means nothing happened (no sends, no errors), not a breach.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    return alarm;
  }
}
