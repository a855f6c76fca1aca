import { Duration, type RemovalPolicy, Validations } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import {
  GSI1,
  GSI2,
  PLANNER_STREAM_BATCH_SIZE,
  planningStreamFilterPattern,
  STREAM_VIEW_TYPE,
  TABLE_KEYS,
  TTL_ATTRIBUTE,
} from "#adapters/dynamodb/table-design.ts";
import { LOGICAL_IDS, pinLogicalId } from "./logical-ids.ts";

export interface ApplicantTableProps {
  /** RETAIN outside the disposable stage: the table holds every applicant's record. */
  readonly removalPolicy: RemovalPolicy;
  readonly deletionProtection: boolean;
}

/** DynamoDB item actions (without the `dynamodb:` prefix) a function may call on the table. */
export type TableItemAction =
  | "GetItem"
  | "Query"
  | "Scan"
  | "PutItem"
  | "UpdateItem"
  | "DeleteItem"
  | "BatchWriteItem"
  | "ConditionCheckItem";

/**
 * The one table of applicants, milestones, plans, the reminder ledger, suppression and intake
 * records (shared/adapters/dynamodb/DATA-MODEL.md), with its stream, the due-wake-up index GSI1
 * and the console's cohort index GSI2, keyed as shared/adapters/dynamodb/table-design.ts says (the local table uses the same
 * design). Its logical id is pinned: a changed id would replace the table and lose its data.
 *
 * Encrypted with the AWS-managed key (aws/dynamodb): every use of the key is in CloudTrail, with no
 * key policy to maintain and no monthly key fee; a customer-managed key would add only the power to
 * revoke access by disabling the key, which a single-tenant deployment does not need.
 */
export class ApplicantTable extends dynamodb.Table {
  constructor(scope: Construct, id: string, props: ApplicantTableProps) {
    super(scope, id, {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: dynamodb.StreamViewType[STREAM_VIEW_TYPE],
      timeToLiveAttribute: TTL_ATTRIBUTE,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: props.deletionProtection,
      removalPolicy: props.removalPolicy,
    });
    this.addGlobalSecondaryIndex({
      indexName: GSI1.indexName,
      partitionKey: { name: GSI1.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: GSI1.sortKey, type: dynamodb.AttributeType.STRING },
      // The due-wake-up queries read only the keys (as the local table: shared/adapters/dynamodb/create-table.ts).
      projectionType: dynamodb.ProjectionType.KEYS_ONLY,
    });
    this.addGlobalSecondaryIndex({
      indexName: GSI2.indexName,
      partitionKey: { name: GSI2.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: GSI2.sortKey, type: dynamodb.AttributeType.STRING },
      // The cohort page reads only the rows (as the local table).
      projectionType: dynamodb.ProjectionType.INCLUDE,
      nonKeyAttributes: [...GSI2.projectedAttributes],
    });
    pinLogicalId(this, LOGICAL_IDS.table);
  }

  /**
   * Exactly these item actions on the table, and on GSI1 and GSI2 only where the function queries them. There
   * is no IAM action for TransactWriteItems: each item in a transaction is authorized as its
   * PutItem, UpdateItem, DeleteItem or ConditionCheckItem.
   */
  grantItemActions(
    fn: lambda.IFunction,
    actions: readonly TableItemAction[],
    options: { gsi1?: boolean; gsi2?: boolean } = {},
  ): void {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: actions.map((action) => `dynamodb:${action}`),
        resources: [
          this.tableArn,
          ...(options.gsi1 ? [`${this.tableArn}/index/${GSI1.indexName}`] : []),
          ...(options.gsi2 ? [`${this.tableArn}/index/${GSI2.indexName}`] : []),
        ],
      }),
    );
  }

  /**
   * The planner's stream mapping. Only profile, milestone and interview items reach it (DESIGN
   * decision 4), with the very pattern the local stream poller applies. Batches of 10 keep one bad
   * record's blast radius small (bisection halves it until the record is alone) and a batch well
   * inside the timeout; no batching window, so a change is planned within the ~250 ms poll interval.
   * Batches given up on go to `failures` (metadata only: shard and sequence numbers).
   */
  streamPlanningChangesTo(fn: lambda.IFunction, failures: sqs.IQueue): void {
    fn.addEventSource(
      new DynamoEventSource(this, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: PLANNER_STREAM_BATCH_SIZE,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        // Stream records live 24 h; older than that they are gone anyway.
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(failures),
        filters: [lambda.FilterCriteria.filter(planningStreamFilterPattern)],
      }),
    );
    if (fn.role === undefined) return;
    Validations.of(fn.role as unknown as Construct).acknowledge({
      id: "AwsSolutions-IAM5[Resource::*]",
      reason:
        "dynamodb:ListStreams, granted by DynamoEventSource for the stream mapping, supports no " +
        "resource-level permission; the stream's other actions are limited to the table's stream ARN.",
    });
  }
}
