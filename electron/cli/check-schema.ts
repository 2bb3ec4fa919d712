/** `npm run db -- check`: the barrel is current and the head of the migration chain is schema.sql. */
import type { MigrationModule } from '../db/migration-types';
import { buildChain, buildDeclared } from '../schema/build';
import { compareSchemas } from '../schema/compare';
import { readSchema } from '../schema/model';
import { barrelIsCurrent } from './barrel';
import { readDeclared } from './autogenerate';

/** Every problem found, one readable line each; empty when the chain and the declared schema agree. */
export async function checkSchema(folder: string, migrations: readonly MigrationModule[]): Promise<string[]> {
  const problems: string[] = [];
  if (!(await barrelIsCurrent(folder))) {
    problems.push('migrations/index.ts does not list the files in the folder; run "npm run db -- barrel"');
  }
  const { file, sql } = readDeclared(folder);
  const declared = buildDeclared(sql, file);
  const head = await buildChain(migrations);
  try {
    problems.push(
      ...compareSchemas(readSchema(head), readSchema(declared), {
        left: 'the migrations',
        right: 'schema.sql',
      }),
    );
  } finally {
    head.close();
    declared.close();
  }
  return problems;
}
