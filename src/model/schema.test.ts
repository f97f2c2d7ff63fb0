import assert from 'node:assert/strict';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { readSeed } from '../../test/support/seed.js';
import { DISCLOSURE_SCHEMA } from './schema.js';
import { SCHEMA_VERSION } from './types.js';

type Json = Record<string, unknown>;

function compile() {
  // ajv is CommonJS: under NodeNext, TypeScript types its default import as the module object,
  // whose `default` is the class (at run time too).
  const ajv = new Ajv2020.default({ strict: true, allErrors: true });
  return ajv.compile(DISCLOSURE_SCHEMA);
}

/** The example disclosure as a consumer of `yusuan extract` sees it. */
function seedJson(): Json {
  return JSON.parse(JSON.stringify(readSeed().disclosure)) as Json;
}

const defs = DISCLOSURE_SCHEMA.$defs as Record<string, Json>;

function errorsOf(validate: ReturnType<typeof compile>): string {
  return JSON.stringify(validate.errors?.slice(0, 20), null, 2);
}

test('schema: compiles with Ajv (draft 2020-12, strict mode)', () => {
  assert.equal(typeof compile(), 'function');
  assert.equal(DISCLOSURE_SCHEMA.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(DISCLOSURE_SCHEMA.$id, `https://yusuan.dev/schema/disclosure-${SCHEMA_VERSION}.json`);
});

test('schema: the example disclosure validates', () => {
  const validate = compile();
  const ok = validate(seedJson());
  assert.ok(ok, `the example does not match the schema:\n${errorsOf(validate)}`);
});

test('schema: a fact value with a thousands separator is rejected', () => {
  const validate = compile();
  const doc = seedJson();
  const facts = doc.facts as Json[];
  facts[0]!.value = '1,234.5';
  assert.equal(validate(doc), false);
  assert.ok(
    validate.errors!.some((e) => e.instancePath === '/facts/0/value' && e.keyword === 'pattern'),
    errorsOf(validate),
  );
});

test('schema: an unknown property is rejected', () => {
  const validate = compile();
  const doc = seedJson();
  (doc.facts as Json[])[0]!.comment = 'extra';
  assert.equal(validate(doc), false);
  assert.ok(
    validate.errors!.some((e) => e.instancePath === '/facts/0' && e.keyword === 'additionalProperties' && e.params.additionalProperty === 'comment'),
    errorsOf(validate),
  );
});

test('schema: a missing required property, a wrong enum value and a wrong schemaVersion are rejected', () => {
  const validate = compile();
  const cases: [string, (doc: Json) => void][] = [
    ['missing meta.title', (doc) => delete (doc.meta as Json).title],
    ['unknown unit', (doc) => ((doc.tables as Json[])[0]!.unit = '亿元')],
    ['schemaVersion', (doc) => (doc.schemaVersion = SCHEMA_VERSION + 1)],
    ['null fact value', (doc) => ((doc.facts as Json[])[0]!.value = null)],
    ['box of three numbers', (doc) => (((doc.facts as Json[])[0]!.source as Json).box = [1, 2, 3])],
  ];
  for (const [name, edit] of cases) {
    const doc = seedJson();
    edit(doc);
    assert.equal(validate(doc), false, name);
  }
});

test('schema: the Disclosure $def requires exactly the top-level keys of the example', () => {
  const required = defs.Disclosure!.required as string[];
  assert.deepEqual([...required].sort(), Object.keys(seedJson()).sort());
  assert.deepEqual(Object.keys(defs.Disclosure!.properties as Json).sort(), [...required].sort());
});

test('schema: every object $def is closed and requires only properties it declares', () => {
  const walk = (s: unknown, at: string): void => {
    if (Array.isArray(s)) return s.forEach((x, i) => walk(x, `${at}/${i}`));
    if (!s || typeof s !== 'object') return;
    const o = s as Json;
    if (o.type === 'object') {
      assert.equal(o.additionalProperties, false, `${at} is open`);
      const props = Object.keys(o.properties as Json);
      for (const r of o.required as string[]) assert.ok(props.includes(r), `${at} requires undeclared ${r}`);
    }
    for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
  };
  walk(DISCLOSURE_SCHEMA, '#');
});
