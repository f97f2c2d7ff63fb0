// JSON Schema of the Disclosure model (placeholder replaced below by the full schema).
export const DISCLOSURE_SCHEMA: Record<string, unknown> = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'yusuan Disclosure',
  type: 'object',
};
