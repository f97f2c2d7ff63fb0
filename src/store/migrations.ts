// Schema migrations, in order. Kysely's Migrator records which ran (kysely_migration) and locks
// against concurrent runs, on both dialects. Add a migration; never edit one that has shipped.

import type { Kysely, Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('documents')
          .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('doc_key', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('latest', 'integer', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('department', 'text', (c) => c.notNull())
          .addColumn('region', 'text')
          .addColumn('level', 'text', (c) => c.notNull())
          .addColumn('year', 'integer')
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('scope', 'text', (c) => c.notNull())
          .addColumn('profile', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('errors', 'integer', (c) => c.notNull())
          .addColumn('warnings', 'integer', (c) => c.notNull())
          .addColumn('infos', 'integer', (c) => c.notNull())
          .addColumn('source_file', 'text', (c) => c.notNull())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('imported_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('documents_key_version', ['doc_key', 'version'])
          .execute();
        await db.schema.createIndex('documents_latest').on('documents').columns(['latest', 'year', 'department']).execute();
        await db.schema
          .createTable('document_data')
          .addColumn('document_id', 'integer', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
          .addColumn('disclosure', 'text', (c) => c.notNull())
          .addColumn('check_json', 'text', (c) => c.notNull())
          .addColumn('summary', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('facts')
          .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('table_id', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('row_index', 'integer', (c) => c.notNull())
          .addColumn('row_kind', 'text', (c) => c.notNull())
          .addColumn('leaf', 'integer', (c) => c.notNull())
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('measure', 'text', (c) => c.notNull())
          .addColumn('fen', 'bigint', (c) => c.notNull())
          .addColumn('function_code', 'text')
          .addColumn('function_class', 'text')
          .addColumn('economic_code', 'text')
          .addColumn('unit_code', 'text')
          .addColumn('project', 'text')
          .addColumn('item', 'text')
          .addColumn('fund_type', 'text')
          .addColumn('line', 'integer', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('facts_document').on('facts').columns(['document_id', 'table_id', 'row_index']).execute();
        // Aggregates filter on (role, measure, leaf) and join documents by id.
        await db.schema.createIndex('facts_aggregate').on('facts').columns(['role', 'measure', 'leaf', 'document_id', 'fen']).execute();
        await db.schema
          .createTable('units')
          .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('code', 'text')
          .addColumn('name', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('units_document').on('units').columns(['document_id']).execute();
      },
      async down(db: Kysely<unknown>) {
        for (const t of ['units', 'facts', 'document_data', 'documents']) await db.schema.dropTable(t).execute();
      },
    },
    // Reviewers' marks on findings (review workflow), one per finding of a document version; the
    // key is findingKeys' (src/rules/finding-key.ts). Severity is kept so that "documents with
    // unreviewed errors" is one query (errors − reviewed error findings).
    '0002_finding_reviews': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('finding_reviews')
          .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('finding_key', 'text', (c) => c.notNull())
          .addColumn('rule', 'text', (c) => c.notNull())
          .addColumn('severity', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('note', 'text', (c) => c.notNull())
          .addColumn('reviewer', 'text', (c) => c.notNull())
          .addColumn('reviewed_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('finding_reviews_pk', ['document_id', 'finding_key'])
          .execute();
        await db.schema.createIndex('finding_reviews_status').on('finding_reviews').columns(['status', 'document_id']).execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('finding_reviews').execute();
      },
    },
  };
}
