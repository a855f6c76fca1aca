import { CfnResource } from "aws-cdk-lib";
import type { IConstruct } from "constructs";

/**
 * Fixes the CloudFormation logical id of a stateful resource, so that moving or renaming its
 * construct can never make CloudFormation replace it (and lose its data). Tests pin these ids.
 */
export function pinLogicalId(construct: IConstruct, logicalId: string): void {
  const resource = construct instanceof CfnResource ? construct : construct.node.defaultChild;
  if (!(resource instanceof CfnResource)) {
    throw new Error(`${construct.node.path} has no CloudFormation resource to pin`);
  }
  resource.overrideLogicalId(logicalId);
}
