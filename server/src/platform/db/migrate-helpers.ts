import { sql, type ColumnDefinitionBuilder } from 'kysely';

/** A portable boolean: integer 0/1, NOT NULL, with a CHECK naming the column. */
export function boolCol(name: string, defaultValue: 0 | 1) {
  return (c: ColumnDefinitionBuilder) =>
    c
      .notNull()
      .defaultTo(defaultValue)
      .check(sql`${sql.ref(name)} in (0, 1)`);
}
