/**
 * The in-memory table's reading of DynamoDB expressions: condition expressions (`evaluate`) and the
 * SET clauses of update expressions (`applySet`), over the request's attribute names and values.
 */

type Item = Record<string, unknown>;

export interface ExpressionContext {
  names: Record<string, string>;
  values: Record<string, unknown>;
}

export function contextOf(input: Record<string, unknown>): ExpressionContext {
  return {
    names: (input.ExpressionAttributeNames as Record<string, string> | undefined) ?? {},
    values: (input.ExpressionAttributeValues as Record<string, unknown> | undefined) ?? {},
  };
}

function attributeName(token: string, context: ExpressionContext): string {
  if (token.startsWith("#")) {
    const name = context.names[token];
    if (name === undefined) throw new Error(`MemoryTable: undefined name ${token}`);
    return name;
  }
  return token;
}

function operand(token: string, item: Item | undefined, context: ExpressionContext): unknown {
  if (token.startsWith(":")) {
    if (!(token in context.values)) throw new Error(`MemoryTable: undefined value ${token}`);
    return context.values[token];
  }
  return item?.[attributeName(token, context)];
}

/** Conditions: OR of ANDs of comparisons, function calls and parenthesised conditions. */
export function evaluate(expression: string, item: Item | undefined, context: ExpressionContext): boolean {
  const tokens = expression.match(/\(|\)|<=|>=|<>|[=<>]|[#:]?[A-Za-z0-9_]+|,/g) ?? [];
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const next = (): string => {
    const token = tokens[position++];
    if (token === undefined) throw new Error(`MemoryTable: unexpected end of ${expression}`);
    return token;
  };
  const orExpression = (): boolean => {
    let result = andExpression();
    while (peek()?.toUpperCase() === "OR") {
      next();
      const right = andExpression();
      result = result || right;
    }
    return result;
  };
  const andExpression = (): boolean => {
    let result = factor();
    while (peek()?.toUpperCase() === "AND") {
      next();
      const right = factor();
      result = result && right;
    }
    return result;
  };
  const factor = (): boolean => {
    const token = next();
    if (token === "(") {
      const result = orExpression();
      if (next() !== ")") throw new Error(`MemoryTable: unbalanced ${expression}`);
      return result;
    }
    if (token === "attribute_exists" || token === "attribute_not_exists") {
      next();
      const name = attributeName(next(), context);
      next();
      const exists = item !== undefined && item[name] !== undefined;
      return token === "attribute_exists" ? exists : !exists;
    }
    const left = operand(token, item, context);
    const comparator = next();
    const right = operand(next(), item, context);
    if (left === undefined || right === undefined) return comparator === "<>";
    const l = left as string | number;
    const r = right as string | number;
    switch (comparator) {
      case "=":
        return l === r;
      case "<>":
        return l !== r;
      case "<":
        return l < r;
      case "<=":
        return l <= r;
      case ">":
        return l > r;
      case ">=":
        return l >= r;
      default:
        throw new Error(`MemoryTable: unsupported comparator ${comparator}`);
    }
  };
  const result = orExpression();
  if (position !== tokens.length) throw new Error(`MemoryTable: could not read ${expression}`);
  return result;
}

/** `SET a = :x, #b = :y, c = if_not_exists(c, :z)`. */
export function applySet(expression: string, item: Item, context: ExpressionContext): void {
  const match = /^\s*SET\s+(.*)$/is.exec(expression);
  if (!match?.[1]) throw new Error(`MemoryTable: unsupported update ${expression}`);
  for (const assignment of match[1].split(/,(?![^(]*\))/)) {
    const parts = /^\s*([#A-Za-z0-9_]+)\s*=\s*(.+?)\s*$/.exec(assignment);
    if (!parts?.[1] || !parts[2]) throw new Error(`MemoryTable: unsupported assignment ${assignment}`);
    const name = attributeName(parts[1], context);
    const ifNotExists = /^if_not_exists\(\s*([#A-Za-z0-9_]+)\s*,\s*(:[A-Za-z0-9_]+)\s*\)$/.exec(parts[2]);
    if (ifNotExists?.[1] && ifNotExists[2]) {
      const current = item[attributeName(ifNotExists[1], context)];
      item[name] = current !== undefined ? current : operand(ifNotExists[2], item, context);
    } else {
      item[name] = structuredClone(operand(parts[2], item, context));
    }
  }
}
