/** The differences between two schemas, as one readable line each. */
import type { ObjectModel, SchemaModel, TableModel } from './model';

export interface Sides {
  /** What the first schema is called in a sentence, e.g. "the migrations". */
  left: string;
  /** What the second schema is called, e.g. "migrations/schema.sql". */
  right: string;
}

function byName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.name, item]));
}

function compareTable(a: TableModel, b: TableModel, sides: Sides): string[] {
  const out: string[] = [];
  const aColumns = byName(a.columns);
  const bColumns = byName(b.columns);
  for (const column of a.columns) {
    const other = bColumns.get(column.name);
    if (!other) out.push(`column ${a.name}.${column.name} is only in ${sides.left}`);
    else if (other.definition !== column.definition) {
      out.push(
        `column ${a.name}.${column.name} is "${column.definition}" in ${sides.left} but "${other.definition}" in ${sides.right}`,
      );
    }
  }
  for (const column of b.columns) {
    if (!aColumns.has(column.name)) out.push(`column ${b.name}.${column.name} is only in ${sides.right}`);
  }
  const order = (t: TableModel, keep: Map<string, unknown>): string =>
    t.columns
      .filter((c) => keep.has(c.name))
      .map((c) => c.name)
      .join(', ');
  if (out.length === 0 && order(a, bColumns) !== order(b, aColumns)) {
    out.push(
      `the columns of ${a.name} are in another order (${order(a, bColumns)} vs ${order(b, aColumns)})`,
    );
  }
  for (const c of a.constraints)
    if (!b.constraints.includes(c)) out.push(`${a.name} constraint "${c}" is only in ${sides.left}`);
  for (const c of b.constraints)
    if (!a.constraints.includes(c)) out.push(`${b.name} constraint "${c}" is only in ${sides.right}`);
  if (a.options !== b.options)
    out.push(`${a.name} is "${a.options}" in ${sides.left} but "${b.options}" in ${sides.right}`);
  if (a.virtual && b.virtual && a.sql !== b.sql && out.length === 0)
    out.push(`virtual table ${a.name} is defined differently`);
  if (out.length === 0 && a.foreignKeys.join() !== b.foreignKeys.join()) {
    out.push(
      `the foreign keys of ${a.name} differ (${a.foreignKeys.join('; ')} vs ${b.foreignKeys.join('; ')})`,
    );
  }
  return out;
}

function compareObjects(
  kind: string,
  a: readonly ObjectModel[],
  b: readonly ObjectModel[],
  sides: Sides,
): string[] {
  const out: string[] = [];
  const bByName = byName(b);
  const aByName = byName(a);
  for (const item of a) {
    const other = bByName.get(item.name);
    if (!other) out.push(`${kind} ${item.name} is only in ${sides.left}`);
    else if (other.shape !== item.shape)
      out.push(`${kind} ${item.name} is defined differently in ${sides.left} and ${sides.right}`);
  }
  for (const item of b)
    if (!aByName.has(item.name)) out.push(`${kind} ${item.name} is only in ${sides.right}`);
  return out;
}

/** Every difference between `a` and `b`; empty when they are the same schema. */
export function compareSchemas(a: SchemaModel, b: SchemaModel, sides: Sides): string[] {
  const out: string[] = [];
  const bTables = byName(b.tables);
  const aTables = byName(a.tables);
  for (const table of a.tables) {
    const other = bTables.get(table.name);
    out.push(
      ...(other ? compareTable(table, other, sides) : [`table ${table.name} is only in ${sides.left}`]),
    );
  }
  for (const table of b.tables)
    if (!aTables.has(table.name)) out.push(`table ${table.name} is only in ${sides.right}`);
  out.push(...compareObjects('index', a.indexes, b.indexes, sides));
  out.push(...compareObjects('trigger', a.triggers, b.triggers, sides));
  out.push(...compareObjects('view', a.views, b.views, sides));
  return out;
}

/** Whether two tables are the same in every way the comparison looks at. */
export function sameTable(a: TableModel, b: TableModel): boolean {
  return compareTable(a, b, { left: 'a', right: 'b' }).length === 0;
}
