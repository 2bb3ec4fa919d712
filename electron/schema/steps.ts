/** One table at a time: ALTER TABLE where SQLite allows it (tried on a copy first), else the 12-step rebuild. */
import Database from 'better-sqlite3';
import { sameTable } from './compare';
import { readSchema, type TableModel } from './model';
import { rebuildRisks } from './risks';
import { dedent, quoteName, tokenize } from './sql-text';
import { run, tableOf, type Step, type Work } from './work';

export { PlanRefusal, run, tableOf, type Step, type Work } from './work';

/** ALTER TABLE steps that turn `from` into `to`, if SQLite can do it that way (tried on a copy). */
function alterSteps(work: Work, from: TableModel, to: TableModel): Step[] | undefined {
  const kept = from.columns.filter((c) => to.columns.some((d) => d.name === c.name)).map((c) => c.name);
  const added = to.columns.filter((c) => !from.columns.some((d) => d.name === c.name));
  const inOrder = to.columns.slice(0, kept.length).every((c, i) => c.name === kept[i]);
  // SQLite refuses NOT NULL without a default only when the table has rows, which the copy has not.
  const needsValue = added.some((c) => c.notNull && !c.hasDefault);
  if (!inOrder || needsValue || added.some((c) => c.hidden !== 0)) return undefined;
  const steps: Step[] = [
    ...from.columns
      .filter((c) => !kept.includes(c.name))
      .map((c) => ({
        sql: `ALTER TABLE ${quoteName(from.name)} DROP COLUMN ${quoteName(c.name)}`,
        says: `Drop column ${from.name}.${c.name}.`,
        destructive: `drops column ${from.name}.${c.name} and its values`,
      })),
    ...added.map((c) => ({
      sql: `ALTER TABLE ${quoteName(from.name)} ADD COLUMN ${c.source}`,
      says: `Add column ${to.name}.${c.name}.`,
    })),
  ];
  const trial = new Database(work.db.serialize());
  try {
    trial.pragma('foreign_keys = ON');
    for (const step of steps) trial.exec(step.sql);
    const result = tableOf(trial, from.name);
    return result && sameTable(result, to) ? steps : undefined;
  } catch {
    // SQLite refused one of them (an indexed column, NOT NULL without a default, …): rebuild instead.
    return undefined;
  } finally {
    trial.close();
  }
}

/** Drops the views and triggers that mention `tables`: SQLite's rename checks them, and the plan recreates them. */
function dropDependents(work: Work, tables: string[]): void {
  const schema = readSchema(work.db);
  for (const [kind, items] of [
    ['view', schema.views],
    ['trigger', schema.triggers],
  ] as const) {
    for (const item of items) {
      if (!tokenize(item.sql).some((t) => tables.includes(t.text))) continue;
      run(work, {
        sql: `DROP ${kind.toUpperCase()} ${quoteName(item.name)}`,
        says: `Drop ${kind} ${item.name}, to be recreated after the rebuild.`,
      });
    }
  }
}

/** Turns table `from` into `to` on the working copy: by ALTER TABLE when that reaches it, else by a rebuild. */
export function changeTable(work: Work, from: TableModel, to: TableModel): void {
  const steps = alterSteps(work, from, to);
  if (steps) {
    for (const step of steps) run(work, step);
    return;
  }
  const risks = rebuildRisks(work, from, to);
  dropDependents(work, [from.name, to.name]);
  const name = quoteName(to.name);
  const temp = quoteName(`_new_${to.name}`);
  const tokens = tokenize(to.sql);
  const open = tokens.find((t) => t.text === '(' && t.kind === 'punct');
  const copied = to.columns.filter((c) => c.hidden === 0);
  const sources = copied.map((c) =>
    from.columns.some((d) => d.name === c.name) ? quoteName(c.name) : work.valueFor(to.name, c.name),
  );
  const columns = copied.filter((_, i) => sources[i] !== undefined).map((c) => quoteName(c.name));
  const values = sources.filter((s): s is string => s !== undefined);
  const insert =
    columns.length > 0
      ? `INSERT INTO ${temp} (${columns.join(', ')})\n  SELECT ${values.join(', ')} FROM ${name};\n`
      : '';
  run(work, {
    sql: `CREATE TABLE ${temp} ${dedent(to.sql.slice(open?.at ?? 0))};\n${insert}DROP TABLE ${name};\nALTER TABLE ${temp} RENAME TO ${name};`,
    says: `Rebuild ${to.name} (SQLite's 12-step table change): new table, copy the rows, drop the old one, rename.`,
    ...(risks.length > 0 ? { destructive: risks.join('; ') } : {}),
    foreignKeysOff: true,
  });
}
