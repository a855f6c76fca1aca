/**
 * A matcher for Lambda event-filter patterns, so the local stream poller drops exactly the records
 * the cloud event-source mapping drops. Supported: literal values, `prefix`, `suffix`,
 * `equals-ignore-case`, `anything-but` (values or `{prefix}`) and `exists`; anything else throws
 * when the pattern is compiled, so an unsupported rule can never silently match everything.
 * Syntax: https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html#filtering-syntax
 */

type Leaf = string | number | boolean | null;
type LeafMatcher = (value: Leaf | undefined) => boolean;
type Compiled = { kind: "object"; fields: [string, Compiled][] } | { kind: "leaf"; matchers: LeafMatcher[] };

export type FilterPattern = { readonly [key: string]: unknown };

function isLeaf(value: unknown): value is Leaf {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function compileRule(rule: unknown, path: string): LeafMatcher {
  if (isLeaf(rule)) return (value) => value === rule;
  if (typeof rule !== "object" || Array.isArray(rule)) throw new Error(`Unsupported filter rule at ${path}`);
  const entries = Object.entries(rule as Record<string, unknown>);
  const [operator, operand] = entries[0] ?? [];
  if (entries.length !== 1 || operator === undefined)
    throw new Error(`Filter rule at ${path} needs one operator`);
  switch (operator) {
    case "prefix":
      if (typeof operand !== "string") throw new Error(`prefix at ${path} needs a string`);
      return (value) => typeof value === "string" && value.startsWith(operand);
    case "suffix":
      if (typeof operand !== "string") throw new Error(`suffix at ${path} needs a string`);
      return (value) => typeof value === "string" && value.endsWith(operand);
    case "equals-ignore-case":
      if (typeof operand !== "string") throw new Error(`equals-ignore-case at ${path} needs a string`);
      return (value) => typeof value === "string" && value.toLowerCase() === operand.toLowerCase();
    case "exists":
      if (typeof operand !== "boolean") throw new Error(`exists at ${path} needs true or false`);
      return (value) => (value !== undefined) === operand;
    case "anything-but": {
      const inner = Array.isArray(operand)
        ? operand.map((o) => compileRule(o, path))
        : [compileRule(operand, path)];
      return (value) => value !== undefined && !inner.some((match) => match(value));
    }
    default:
      throw new Error(`Filter operator "${operator}" at ${path} is not supported by the local matcher`);
  }
}

function compile(pattern: unknown, path: string): Compiled {
  if (Array.isArray(pattern)) {
    return { kind: "leaf", matchers: pattern.map((rule, i) => compileRule(rule, `${path}[${i}]`)) };
  }
  if (typeof pattern === "object" && pattern !== null) {
    return {
      kind: "object",
      fields: Object.entries(pattern).map(([key, value]) => [
        key,
        compile(value, path === "" ? key : `${path}.${key}`),
      ]),
    };
  }
  throw new Error(`Filter pattern at ${path || "(root)"} must be an object or an array of rules`);
}

function matchCompiled(compiled: Compiled, value: unknown): boolean {
  if (compiled.kind === "object") {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    return compiled.fields.every(([key, child]) =>
      matchCompiled(child, (value as Record<string, unknown>)[key]),
    );
  }
  // A rule list matches a scalar, or any element of an array of scalars (as in Lambda).
  const values: (Leaf | undefined)[] =
    value === undefined
      ? [undefined]
      : Array.isArray(value)
        ? value.filter(isLeaf)
        : isLeaf(value)
          ? [value]
          : [];
  return values.some((v) => compiled.matchers.some((match) => match(v)));
}

/** Compiles one or more patterns (ORed, as Lambda ORs the Filters of a mapping) into a predicate. */
export function compileFilter(...patterns: FilterPattern[]): (record: unknown) => boolean {
  const compiled = patterns.map((pattern) => compile(pattern, ""));
  return (record) => compiled.some((c) => matchCompiled(c, record));
}
