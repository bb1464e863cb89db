/**
 * The SQL that writes rows, built from each table's column list (rows.ts) so that a column is named once.
 * Values are bound by name (`@column`), from row objects.
 */

export interface InsertOptions {
  /** `INSERT OR IGNORE`: a row that breaks a UNIQUE constraint is skipped (analyses merged twice). */
  orIgnore?: boolean;
  /** On a row with the same `key`, replace every other column; with `where`, only when that holds. */
  upsert?: { key: string; where?: string };
}

/** `INSERT INTO table (a, b) VALUES (@a, @b)`, as an upsert or an insert-or-ignore when asked. */
export function insertSql(table: string, columns: readonly string[], opts: InsertOptions = {}): string {
  const insert = `INSERT${opts.orIgnore ? ' OR IGNORE' : ''} INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
  if (!opts.upsert) return insert;
  const { key, where } = opts.upsert;
  const set = columns.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`);
  return `${insert} ON CONFLICT(${key}) DO UPDATE SET ${set.join(', ')}${where ? ` WHERE ${where}` : ''}`;
}

/** `SELECT a, b FROM table`. */
export function selectSql(table: string, columns: readonly string[], tail = ''): string {
  return `SELECT ${columns.join(', ')} FROM ${table}${tail ? ` ${tail}` : ''}`;
}
