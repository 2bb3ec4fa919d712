/** What a table rebuild can cost: the data-loss risks it is marked with, and the columns nobody can fill. */
import type { ColumnModel, TableModel } from './model';
import { closingParen, normalizeTokens, tokenize } from './sql-text';
import { PlanRefusal, type Work } from './work';

const STOP = new Set([
  'constraint',
  'primary',
  'not',
  'null',
  'unique',
  'check',
  'default',
  'collate',
  'references',
  'generated',
  'as',
]);

/** The declared type of a column definition ("text", "integer", "" for none). */
function typeOf(definition: string): string {
  const words: string[] = [];
  for (const token of tokenize(definition)) {
    if (token.kind === 'word' && STOP.has(token.text)) break;
    words.push(token.text);
  }
  return words.join(' ');
}

/** The CHECK clauses in normalized SQL text. */
function checksOf(text: string): string[] {
  const tokens = tokenize(text);
  return tokens.flatMap((t, i) =>
    t.text === 'check' ? [normalizeTokens(tokens.slice(i, closingParen(tokens, i + 1) + 1))] : [],
  );
}

/** Why changing `from` into `to` (same name) can lose data or fail on existing rows, or undefined. */
function riskOfChange(table: string, from: ColumnModel, to: ColumnModel): string | undefined {
  if (typeOf(from.definition) !== typeOf(to.definition)) {
    return `changes the type of ${table}.${to.name} from "${typeOf(from.definition)}" to "${typeOf(to.definition)}": values that do not convert change or make the migration fail`;
  }
  const added = checksOf(to.definition).filter((c) => !checksOf(from.definition).includes(c));
  if (added.length > 0)
    return `adds or changes a CHECK on ${table}.${to.name}: existing rows may violate "${added.join(' ')}"`;
  return undefined;
}

/** The 12-step rebuild's reasons to refuse (a NOT NULL column nobody can fill) and its risks. */
export function rebuildRisks(work: Work, from: TableModel, to: TableModel): string[] {
  const risks: string[] = [];
  for (const column of from.columns) {
    const kept = to.columns.find((c) => c.name === column.name);
    if (!kept) risks.push(`drops column ${from.name}.${column.name} and its values`);
    else {
      const risk = riskOfChange(from.name, column, kept);
      if (risk) risks.push(risk);
    }
  }
  const kept = new Set(
    from.columns.filter((c) => to.columns.some((d) => d.name === c.name)).map((c) => c.name),
  );
  for (const constraint of to.constraints) {
    const touches = tokenize(constraint).some((t) => kept.has(t.text));
    if (constraint.includes('check') && !from.constraints.includes(constraint) && touches) {
      risks.push(
        `adds or changes the table CHECK "${constraint}" on ${from.name}: existing rows may violate it`,
      );
    }
  }
  for (const column of to.columns) {
    if (from.columns.some((c) => c.name === column.name) || column.hidden !== 0) continue;
    if (
      column.notNull &&
      !column.hasDefault &&
      !column.primaryKey &&
      work.valueFor(to.name, column.name) === undefined
    ) {
      throw new PlanRefusal(
        `${to.name}.${column.name} is NOT NULL without a default, so the rows already in ${to.name} need a value: ` +
          `pass --default ${to.name}.${column.name}=VALUE (an SQL literal such as '' or 0), or give it a DEFAULT in schema.sql.`,
      );
    }
  }
  return risks;
}
