/** Where "now" comes from. The domain never reads the clock; use cases ask this port. */
export interface Clock {
  now(): Date;
}
