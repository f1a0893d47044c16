import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from '../migrate';

/** The values 0002 allowed, and the CHECK it wrote (Kysely's text, as SQLite keeps it). */
const OLD_CHECK = "check (held_in_name in ('party','government','other'))";
/** 以党委、政府名义: an activity held jointly in the Party committee's and the government's name (issue #8, item 14). */
const NEW_CHECK = "check (held_in_name in ('party','government','party_and_government','other'))";

/**
 * Widens the CHECK on `activities.held_in_name` to take `party_and_government`. Every stored
 * value stays valid. PostgreSQL alters the constraint; SQLite cannot, so the table is rebuilt
 * the way SQLite documents (https://sqlite.org/lang_altertable.html#otheralter): a copy made from
 * the table's own CREATE statement with only the CHECK changed, the rows copied, the old table
 * dropped and the copy renamed, its indexes and triggers made again, foreign keys checked.
 */
export function heldInName({ dialect }: MigrationContext) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      if (dialect === 'postgres') {
        // the column CHECK of 0002 carries PostgreSQL's generated name: find it by what it checks
        const found = await sql<{ conname: string }>`
          select conname from pg_constraint
          where conrelid = 'activities'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%held_in_name%'`.execute(db);
        for (const { conname } of found.rows) await sql`alter table activities drop constraint ${sql.id(conname)}`.execute(db);
        await sql`alter table activities add constraint activities_held_in_name_check ${sql.raw(NEW_CHECK)}`.execute(db);
        return;
      }
      await rebuildSqlite(db);
    },
  };
}

async function rebuildSqlite(db: Kysely<any>): Promise<void> {
  const schema = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = 'activities' and type in ('table', 'index', 'trigger')`.execute(db);
  const table = schema.rows.find((r) => r.type === 'table')?.sql ?? '';
  const head = /^create table "?activities"?/i;
  if (!head.test(table) || !table.includes(OLD_CHECK)) {
    if (table.includes(NEW_CHECK)) return; // already widened
    throw new Error('0008: the activities table is not as 0002 made it; widen its held_in_name CHECK by hand');
  }
  const copy = table.replace(head, 'create table "activities_0008"').replace(OLD_CHECK, NEW_CHECK);
  // indexes and triggers the rename would not carry over (SQLite's own autoindexes have no SQL)
  const recreate = schema.rows.filter((r) => r.type !== 'table' && r.sql).map((r) => r.sql as string);

  // Foreign keys must be off while the parent table is replaced (activity_assignments refers to
  // it); the pragma is a no-op inside a transaction, and SQLite migrations run outside one.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (tx) => {
      await sql.raw(copy).execute(tx);
      await sql`insert into activities_0008 select * from activities`.execute(tx);
      await sql`drop table activities`.execute(tx);
      await sql`alter table activities_0008 rename to activities`.execute(tx);
      for (const statement of recreate) await sql.raw(statement).execute(tx);
      const broken = await sql`pragma foreign_key_check`.execute(tx);
      if (broken.rows.length) throw new Error(`0008: foreign keys broken by the rebuild: ${JSON.stringify(broken.rows.slice(0, 5))}`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
