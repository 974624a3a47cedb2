import fc from 'fast-check';
import type { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { walkTemplate } from './boundary-probes';
import { addTeamMember, openCoupleWithLinks, registerPractice, signAgreement, useTestApp, type PortalPerson, type SignedIn } from './test-app';
import { connect, ownerDatabaseUrl, TEST_APP_ROLE } from './test-database';

/**
 * Hostile input against every request body, query and path id the OpenAPI document
 * describes: each request carries at least one value its schema rules out, so each must be
 * refused with a 4xx in the one error shape, never a 5xx or a hang, and nothing stored may change.
 */

const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261123);
const RUNS_PER_ROUTE = Number(process.env.BAD_INPUT_RUNS ?? 80);
const REQUEST_TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------------------------------
// The OpenAPI document, as @nestjs/swagger writes it.

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  $ref?: string;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: Parameter[];
  body?: { name: string; schema: Schema };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * Bodies the document leaves empty because their DTO has no @ApiProperty decorators; their
 * fields are taken from the DTO classes so they are attacked all the same.
 */
const UNDOCUMENTED_FIELDS: Record<string, Schema> = {
  UpdateRemindersDto: { type: 'object', properties: { homework: { type: 'boolean' }, sessions: { type: 'boolean' } } },
};

function operationsOf(document: OpenApiDocument): { operations: Operation[]; supplemented: string[] } {
  const supplemented: string[] = [];
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]): Operation => {
      const reference = operation.requestBody?.content['application/json']?.schema.$ref;
      let body: Operation['body'];
      if (reference) {
        const name = reference.split('/').pop() as string;
        let schema = document.components.schemas[name];
        if (Object.keys(schema.properties ?? {}).length === 0) {
          if (!UNDOCUMENTED_FIELDS[name]) throw new Error(`${name} has no documented fields: add them to UNDOCUMENTED_FIELDS`);
          supplemented.push(name);
          schema = UNDOCUMENTED_FIELDS[name];
        }
        body = { name, schema };
      }
      return { method: method as Operation['method'], path, parameters: operation.parameters ?? [], body };
    }),
  );
  return { operations, supplemented };
}

function resolve(document: OpenApiDocument, schema: Schema): Schema {
  return schema.$ref ? document.components.schemas[schema.$ref.split('/').pop() as string] : schema;
}

// ---------------------------------------------------------------------------------------
// Hostile values.

const HUGE = 100_000;
const deepObject = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: inner }), 'bottom');
const deepArray = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => [inner], 'bottom');
const deepJson = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

const UNICODE = ['😀👨‍👩‍👧', '\u202eevil\u202c', 'مرحبا بك', 'a\u0000b', '\u0000', '\ud800', 'x\udfffy', '\ufeff', 'Ω≈ç√∫', '\u200b', '\r\n\t'];
/** A long mix of every kind of character above, so one string tests them all at size. */
const HUGE_UNICODE = UNICODE.join('').repeat(Math.ceil(HUGE / UNICODE.join('').length)).slice(0, HUGE);
const BAD_DATES = ['2026-02-30', '9999-99-99', '', '2026-13-01', '0000-00-00', '2026-2-3', 'tomorrow', '2026-02-30T10:00:00Z', '+275760-09-13T00:00:00Z', '1e999', '2026-03-14\u0000', '2026-03-14T25:61:00Z'];
const BAD_UUIDS = ['not-a-uuid', '', '00000000-0000-0000-0000-00000000000g', `${randomUUID()}x`, ` ${randomUUID()}`, `${randomUUID()}\u0000`, '😀', "1' OR '1'='1", '-1', 'NaN'];
const BAD_NUMBERS = ['5', 'abc', 'NaN', '1e999', '', '-1', 'Infinity', true, false, {}, [], [5]];
const BAD_BOOLEANS = ['true', 'false', 1, 0, 'yes', '', {}, [], [true]];
const NOT_TEXT = [42, 0, -1, 1e308, true, false, {}, [], ['a'], { a: 'b' }];
const NOT_OBJECT = ['a', 42, true, [], [{}], 'null'];
const NOT_ARRAY = ['a', 42, true, {}, { 0: 'a' }];
/** Values no field of any schema accepts. */
const NEVER_VALID = [deepObject(1000), deepArray(1000)];

/** Fields named like an id that hold no record's id: the practice's tax number is free text. */
const NOT_RECORD_IDS = new Set(['taxId']);
const isUuidField = (name: string) => /^id$|Id$|Ids$/.test(name) && !NOT_RECORD_IDS.has(name);
const isDateField = (name: string, schema: Schema) =>
  schema.format === 'date' || schema.format === 'date-time' || (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}/.test(schema.example)) || /On$|At$|^from$|^to$/.test(name);
/** @nestjs/swagger writes `string | null` fields as nullable objects: their example or length says they are text. */
const isText = (schema: Schema) => schema.type === 'string' || (schema.type === 'object' && !schema.properties && (typeof schema.example === 'string' || schema.maxLength !== undefined));

/**
 * Values the documented schema rules out for one body field. Null goes only to required fields:
 * the DTOs read null in an optional field as "left out" (IsOptional), so there it is no bad input.
 */
function hostileValuesFor(document: OpenApiDocument, name: string, original: Schema, required: boolean): unknown[] {
  const schema = resolve(document, original);
  const values: unknown[] = [...NEVER_VALID];
  if (required && !schema.nullable) values.push(null);
  if (schema.oneOf) {
    values.push(...NOT_TEXT.filter((value) => typeof value !== 'number'), '1e999', -1, 1e308, 'never');
  } else if (schema.enum) {
    const first = String(schema.enum[0]);
    values.push(...NOT_TEXT, ...UNICODE, '', `${first}x`, ` ${first}`, `${first}\u0000`, HUGE_UNICODE);
  } else if (isText(schema)) {
    values.push(...NOT_TEXT);
    if (schema.maxLength !== undefined) values.push('x'.repeat(schema.maxLength + 1), '😀'.repeat(schema.maxLength + 1), HUGE_UNICODE);
    if (isUuidField(name)) values.push(...BAD_UUIDS, randomUUID());
    else if (isDateField(name, schema)) values.push(...BAD_DATES);
    else if (schema.maxLength === undefined) values.push(HUGE_UNICODE);
    // PostgreSQL cannot store a NUL character in text: the API must refuse it, not fail on it.
    values.push('A NUL \u0000 in the middle', '\u0000');
  } else if (schema.type === 'number' || schema.type === 'integer') {
    values.push(...BAD_NUMBERS);
    if (schema.minimum !== undefined) values.push(schema.minimum - 1, -1e308);
    if (schema.maximum !== undefined) values.push(schema.maximum + 1);
    values.push(1e308);
  } else if (schema.type === 'boolean') {
    values.push(...BAD_BOOLEANS);
  } else if (schema.type === 'array') {
    values.push(...NOT_ARRAY, [null], [deepObject(50)]);
    const items = schema.items ? resolve(document, schema.items) : undefined;
    if (items) values.push(...hostileValuesFor(document, isUuidField(name) ? 'id' : name, items, true).map((item) => [item]));
    if (schema.maxItems !== undefined) values.push(Array.from({ length: schema.maxItems + 1 }, () => 'x'));
  } else {
    values.push(...NOT_OBJECT);
  }
  return values;
}

/** A copy of `value` with one leaf swapped for a value of the wrong kind (for free-form objects like answers or prompts). */
function wrongLeafVariants(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => wrongLeafVariants(item).map((variant) => value.map((other, at) => (at === index ? variant : other))));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => wrongLeafVariants(item).map((variant) => ({ ...value, [key]: variant })));
  }
  if (typeof value === 'string') return [42, [], {}, deepArray(1000)];
  if (typeof value === 'number') return ['abc', '1e999', [], {}];
  if (typeof value === 'boolean') return ['yes', 1, []];
  return [];
}

/** Whole bodies that are not what any route takes, sent as raw text with content-type JSON. */
const HOSTILE_RAW_BODIES = [
  'not json at all',
  '{"a": 1,',
  "{'single': 'quotes'}",
  '{"a": NaN}',
  '{"a": 1e999}',
  'null',
  'true',
  '42',
  '"just text"',
  '[]',
  '[{}]',
  '',
  '\u0000',
  '{"__proto__": {"isAdmin": true}}',
  '{"constructor": {"prototype": {"isAdmin": true}}}',
  deepJson(1000),
  deepJson(100_000),
  `{${'"a":{'.repeat(1000)}"b":1${'}'.repeat(1001)}`,
  `"${'x'.repeat(HUGE)}"`,
  '\ufeff\ufeff{}',
  '{"a":"\\ud800"}',
];

// ---------------------------------------------------------------------------------------
// Requests.

interface HostileRequest {
  kind: string;
  path: string;
  query?: string;
  body?: unknown;
  rawBody?: string;
}

/** encodeURIComponent, except that a lone surrogate is sent as the bytes it would be in CESU-8 (invalid UTF-8). */
const encode = (value: string) =>
  Array.from(value)
    .map((character) => (/[\ud800-\udfff]/.test(character) && character.length === 1 ? '%ED%A0%80' : encodeURIComponent(character)))
    .join('');

const BAD_PATH_IDS = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', randomUUID(), '%00', '%ED%A0%80', encode('😀'), '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(2000), encode("1' OR '1'='1"), '-1', '1e999', 'NaN', '%', '%ZZ', encode('\u202e')];
const BAD_PATH_NUMBERS = ['0', '-1', '1e999', 'abc', '99999999999', '1.5', 'NaN', '%00', encode('😀'), '9'.repeat(400)];

/** Values the document rules out for one query parameter (all query values arrive as text). */
function hostileQueryValues(parameter: Parameter): string[] {
  const schema = parameter.schema ?? {};
  const values = [...UNICODE.filter((text) => text.includes('\u0000')), 'x'.repeat(2000) + '\u0000'];
  if (schema.enum) values.push('', 'NOT-A-VALUE', `${String(schema.enum[0])}x`, ...UNICODE);
  else if (schema.type === 'number' || schema.type === 'integer') values.push('abc', 'NaN', '1e999', '-1', '1e308', '99999999999999999999', '1.5', '', 'Infinity', ...UNICODE);
  else if (schema.type === 'boolean') values.push('yes', '1', 'TRUE', '', ...UNICODE);
  else if (isUuidField(parameter.name) || schema.format === 'uuid') values.push(...BAD_UUIDS.filter((text) => text !== ''), ...UNICODE);
  else if (isDateField(parameter.name, schema)) values.push(...BAD_DATES.filter((text) => text !== ''), ...UNICODE);
  else if (parameter.name === 'cursor') values.push('garbage', '😀', 'eyJub3QiOiJhIGN1cnNvciJ9', 'x'.repeat(2000));
  return values;
}

const UNKNOWN_FIELDS = ['isAdmin', 'practiceId', 'constructor', '😀', '\u0000', 'k'.repeat(1000), 'createdAt', 'deletedAt'];

/** The operation's path with its fixtures' ids, except the parameters overridden. */
const pathFiller =
  (operation: Operation, ids: Record<string, string>) =>
  (overrides: Record<string, string> = {}): string =>
    operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      if (overrides[name] !== undefined) return overrides[name];
      const id = ids[`${operation.path}:${name}`] ?? ids[name];
      if (!id) throw new Error(`No fixture for {${name}} in ${operation.path}: add one so validation, not a 404, is what runs`);
      return id;
    });

function requestsFor(document: OpenApiDocument, operation: Operation, ids: Record<string, string>, baseBodyOf: (name: string) => Record<string, unknown>): fc.Arbitrary<HostileRequest> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const fill = pathFiller(operation, ids);
  const path = fill();
  const arbitraries: fc.Arbitrary<HostileRequest>[] = [];

  if (pathParameters.length > 0) {
    arbitraries.push(
      fc.record({ parameter: fc.constantFrom(...pathParameters), index: fc.nat() }).map(({ parameter, index }) => {
        const values = parameter.schema?.type === 'number' ? BAD_PATH_NUMBERS : BAD_PATH_IDS;
        return { kind: `path ${parameter.name}`, path: fill({ [parameter.name]: values[index % values.length] }), body: operation.body ? baseBodyOf(operation.body.name) : undefined };
      }),
    );
  }

  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  if (queryParameters.length > 0) {
    const oneBad = fc
      .record({ parameter: fc.constantFrom(...queryParameters), index: fc.nat(), repeated: fc.boolean() })
      .map(({ parameter, index, repeated }) => {
        const values = hostileQueryValues(parameter);
        const value = encode(values[index % values.length]);
        // A repeated parameter arrives as a list where one value is expected.
        const query = repeated ? `${parameter.name}=${value}&${parameter.name}=${value}` : `${parameter.name}=${value}`;
        return { kind: `query ${parameter.name}`, path, query };
      });
    const unknown = fc.constantFrom(...UNKNOWN_FIELDS, 'a[b]', 'limit[0]').map((name) => ({ kind: 'query unknown', path, query: `${encode(name)}=1` }));
    arbitraries.push(oneBad, oneBad, unknown);
  }

  if (operation.body) {
    const { name, schema } = operation.body;
    const base = baseBodyOf(name);
    const fields = Object.entries(schema.properties ?? {});
    const fieldValues = fields.map(([field, fieldSchema]) => {
      const resolved = resolve(document, fieldSchema);
      const freeForm = resolved.type === 'object' && !isText(resolved) && base[field] !== undefined;
      const required = schema.required?.includes(field) ?? false;
      return { field, values: [...hostileValuesFor(document, field, resolved, required), ...(freeForm ? wrongLeafVariants(base[field]) : [])] };
    });
    // Nested DTOs (participants, recurrence) are attacked field by field too.
    const nested = fields.flatMap(([field, fieldSchema]) => {
      const target = resolve(document, fieldSchema.type === 'array' && fieldSchema.items ? fieldSchema.items : fieldSchema);
      if (!target.properties || base[field] === undefined) return [];
      return Object.entries(target.properties).map(([inner, innerSchema]) => ({ field, inner, values: hostileValuesFor(document, inner, innerSchema, target.required?.includes(inner) ?? false) }));
    });
    const oneField = fc
      .record({ choice: fc.nat(fieldValues.length - 1), index: fc.nat(), also: fc.option(fc.nat(fieldValues.length - 1), { nil: undefined }), alsoIndex: fc.nat() })
      .map(({ choice, index, also, alsoIndex }) => {
        const { field, values } = fieldValues[choice];
        const body: Record<string, unknown> = { ...base, [field]: values[index % values.length] };
        if (also !== undefined) body[fieldValues[also].field] = fieldValues[also].values[alsoIndex % fieldValues[also].values.length];
        return { kind: `body ${field}`, path, body };
      });
    const nestedField = nested.length
      ? fc.record({ choice: fc.nat(nested.length - 1), index: fc.nat() }).map(({ choice, index }) => {
          const { field, inner, values } = nested[choice];
          const value = values[index % values.length];
          const container = base[field];
          const swapped = Array.isArray(container)
            ? container.map((item, at) => (at === 0 ? { ...(item as object), [inner]: value } : item))
            : { ...(container as object), [inner]: value };
          return { kind: `body ${field}.${inner}`, path, body: { ...base, [field]: swapped } };
        })
      : undefined;
    const unknownField = fc
      .record({ field: fc.constantFrom(...UNKNOWN_FIELDS.filter((field) => !(field in (schema.properties ?? {})))), value: fc.constantFrom<unknown>('x', 42, null, deepObject(1000), HUGE_UNICODE) })
      .map(({ field, value }) => ({ kind: 'body unknown field', path, body: { ...base, [field]: value } }));
    const wholeBody = fc.constantFrom(...HOSTILE_RAW_BODIES).map((rawBody) => ({ kind: 'body raw', path, rawBody }));
    const wholeValue = fc
      .constantFrom<unknown>([base], [], 'text', 42, deepArray(1000), deepObject(1000))
      .map((body) => ({ kind: 'body not an object', path, rawBody: JSON.stringify(body) }));
    arbitraries.push(oneField, oneField, oneField, unknownField, wholeBody, wholeValue, ...(nestedField ? [nestedField, nestedField] : []));
  }
  return fc.oneof(...arbitraries);
}

// ---------------------------------------------------------------------------------------
// Targeted classes, sent to every route and every field rather than sampled: forged
// pagination cursors, text that is not valid Unicode, and bodies nested thousands deep.
// Each must be refused with a 400 whose message lists the problems.

interface TargetedRequest extends HostileRequest {
  /** A cursor whose key is text some sort may read (a time sort may not): a 2xx is an answer too. */
  mayBeRead?: boolean;
  /** Sent without signing in: the body must be refused before anyone is asked who sent it. */
  anonymous?: boolean;
}

const forgeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const CURSOR_ID = randomUUID();
/** Valid for no sort: ids that are not UUIDs, keys that are not text, the wrong shape, not base64url, not JSON. */
const FORGED_CURSORS: [string, string][] = [
  ['id of dashes', forgeCursor(['2026-03-14 10:00:00+00', '-'.repeat(36)])],
  ['id past f', forgeCursor(['2026-03-14 10:00:00+00', `${CURSOR_ID.slice(0, 35)}g`])],
  ['id not a UUID', forgeCursor(['2026-03-14 10:00:00+00', 'not-a-uuid'])],
  ['id a number', forgeCursor(['2026-03-14 10:00:00+00', 42])],
  ['key a number', forgeCursor([42, CURSOR_ID])],
  ['key null', forgeCursor([null, CURSOR_ID])],
  ['key with NUL', forgeCursor(['a\u0000b', CURSOR_ID])],
  ['key half a surrogate', forgeCursor(['a\ud800b', CURSOR_ID])],
  ['no parts', forgeCursor([])],
  ['one part', forgeCursor(['2026-03-14 10:00:00+00'])],
  ['three parts', forgeCursor(['2026-03-14 10:00:00+00', CURSOR_ID, 'x'])],
  ['an object', forgeCursor({ key: '2026-03-14 10:00:00+00', id: CURSOR_ID })],
  ['JSON text', forgeCursor('2026-03-14 10:00:00+00')],
  ['not JSON', Buffer.from('[not json').toString('base64url')],
  ['not base64url', encodeURIComponent('!!!!*')],
  ['emoji', encodeURIComponent('😀')],
];
/** Keys a text sort reads as text, but no time or number sort can. */
const FORGED_CURSOR_KEYS = ['2026-02-30 10:00:00+00', '2026-03-14 25:00:00+00', 'yesterday', '+275760-09-13 00:00:00+00', '2026-03-14 10:00:00', '1e999', 'NaN', ''];

function forgedCursorRequests(operation: Operation, path: string): TargetedRequest[] {
  if (!operation.parameters.some((parameter) => parameter.in === 'query' && parameter.name === 'cursor')) return [];
  // Each sort reads its own kind of key: forge for each.
  const sort = operation.parameters.find((parameter) => parameter.in === 'query' && parameter.name === 'sort');
  const sorts = [undefined, ...((sort?.schema?.enum as string[] | undefined) ?? [])];
  return sorts.flatMap((by) => {
    const query = (cursor: string) => `${by ? `sort=${by}&` : ''}cursor=${cursor}`;
    return [
      ...FORGED_CURSORS.map(([label, cursor]): TargetedRequest => ({ kind: `cursor ${label}${by ? ` (sort ${by})` : ''}`, path, query: query(cursor) })),
      ...FORGED_CURSOR_KEYS.map((key): TargetedRequest => ({ kind: `cursor key ${key}${by ? ` (sort ${by})` : ''}`, path, query: query(forgeCursor([key, CURSOR_ID])), mayBeRead: true })),
    ];
  });
}

/** Half of a surrogate pair: JSON can carry it (as \ud800), UTF-8 cannot, so PostgreSQL refuses it or stores U+FFFD. */
const LONE_SURROGATES = ['\ud800', '\udfff'];
/** How the one in a URL arrives: the bytes UTF-8 would give it, which are not UTF-8. */
const LONE_SURROGATE_IN_URL = '%ED%A0%80';

/** Copies of `value`, each with one text leaf or one field name broken by a lone surrogate, labelled by where. */
function brokenTextVariants(value: unknown, at: string): [string, unknown][] {
  if (typeof value === 'string') {
    const middle = Math.floor(value.length / 2);
    return LONE_SURROGATES.map((surrogate) => [at, `${value.slice(0, middle)}${surrogate}${value.slice(middle)}`]);
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => brokenTextVariants(item, `${at}.${index}`).map(([where, variant]): [string, unknown] => [where, value.map((other, position) => (position === index ? variant : other))]));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.flatMap(([key, item]) => [
      [`${at} (field name ${key})`, Object.fromEntries(entries.map(([other, inner]) => [other === key ? `${key}\udc00` : other, inner]))] as [string, unknown],
      ...brokenTextVariants(item, `${at}.${key}`).map(([where, variant]): [string, unknown] => [where, { ...value, [key]: variant }]),
    ]);
  }
  return [];
}

function brokenTextRequests(document: OpenApiDocument, operation: Operation, fill: ReturnType<typeof pathFiller>, base: Record<string, unknown> | undefined): TargetedRequest[] {
  const path = fill();
  const requests: TargetedRequest[] = [];
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'path')) {
    for (const value of [LONE_SURROGATE_IN_URL, `a${LONE_SURROGATE_IN_URL}b`]) requests.push({ kind: `broken text in path ${parameter.name}`, path: fill({ [parameter.name]: value }), body: base });
  }
  const queryParameters = operation.parameters.filter((candidate) => candidate.in === 'query');
  for (const parameter of queryParameters) {
    for (const value of [LONE_SURROGATE_IN_URL, `a${LONE_SURROGATE_IN_URL}b`]) requests.push({ kind: `broken text in query ${parameter.name}`, path, query: `${parameter.name}=${value}` });
  }
  if (queryParameters.length > 0) requests.push({ kind: 'broken text in a query name', path, query: `a${LONE_SURROGATE_IN_URL}=1` });
  if (operation.body && base) {
    // Every text leaf and field name of the realistic body, at any depth, then the documented text fields it leaves out.
    for (const [where, body] of brokenTextVariants(base, 'body')) requests.push({ kind: `broken text in ${where}`, path, body });
    for (const [field, schema] of Object.entries(operation.body.schema.properties ?? {})) {
      if (base[field] === undefined && isText(resolve(document, schema))) requests.push({ kind: `broken text in body.${field}`, path, body: { ...base, [field]: `a${LONE_SURROGATES[0]}b` } });
    }
  }
  return requests;
}

const DEEP = 5000;
/** Nested far past any request's shape: each deep part is sent raw, so no JSON.stringify recursion is needed to build it. */
function deepNestingRequests(operation: Operation, path: string, base: Record<string, unknown> | undefined): TargetedRequest[] {
  if (!operation.body || !base) return [];
  const deepList = deepJson(DEEP);
  const deepObjectText = `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`;
  const inField = (field: string, deep: string) => JSON.stringify({ ...base, [field]: '\u0001deep' }).replace('"\\u0001deep"', deep);
  const fields = Object.keys(operation.body.schema.properties ?? {});
  return [
    { kind: 'deep list as the body', path, rawBody: deepList },
    { kind: 'deep object as the body', path, rawBody: deepObjectText },
    { kind: 'deep object as the body, signed out', path, rawBody: deepObjectText, anonymous: true },
    ...fields.flatMap((field): TargetedRequest[] => [
      { kind: `deep list in body.${field}`, path, rawBody: inField(field, deepList) },
      { kind: `deep object in body.${field}`, path, rawBody: inField(field, deepObjectText) },
    ]),
  ];
}

/** A refusal of bad input: exactly 400, in the error shape, with the problems listed. */
function problemWithRefusal(response: Response): string | undefined {
  if (response.status !== 400) return `answered ${response.status}`;
  const problem = problemWith(response);
  if (problem) return problem;
  return Array.isArray((response.body as { message: unknown }).message) ? undefined : 'message of a 400 is not a list';
}

// ---------------------------------------------------------------------------------------
// What every answer must look like.

function problemWith(response: Response): string | undefined {
  if (response.status < 400 || response.status >= 500) return `answered ${response.status}`;
  const body = response.body as Record<string, unknown>;
  if (!String(response.headers['content-type'] ?? '').startsWith('application/json')) return `answered ${response.status} with content-type ${response.headers['content-type']}`;
  if (body === null || typeof body !== 'object') return 'answered without a JSON object';
  if (body.statusCode !== response.status) return `statusCode ${String(body.statusCode)} differs from HTTP ${response.status}`;
  if (typeof body.error !== 'string' || body.error.length === 0) return 'error is not a non-empty string';
  const message = body.message;
  const isMessage = typeof message === 'string' || (Array.isArray(message) && message.length > 0 && message.every((item) => typeof item === 'string'));
  if (!isMessage) return 'message is not a string or a list of strings';
  return undefined;
}

// ---------------------------------------------------------------------------------------
// What is stored: a fingerprint of every table the API's role can read, limited to the practice.

/** Bookkeeping that a refused request may still touch, and why. */
const NOT_FINGERPRINTED_TABLES = new Set([
  'audit_events', // reads are audited, and refused requests on clinical records are too
  'audit_chain', // each audit row's link in the practice's hash chain
  'audit_chain_heads',
  'refresh_tokens', // sign-in bookkeeping, not practice data
  'migrations',
]);
const NOT_FINGERPRINTED_COLUMNS: Record<string, string[]> = {
  portal_links: ['last_used_at'], // every portal request marks its link as used
  sign_in_sessions: ['last_active_at'], // every signed-in request counts as activity
};

async function fingerprint(database: Client, practiceId: string): Promise<Record<string, string>> {
  const tables = (
    await database.query<{ table_name: string; has_practice: boolean }>(
      `SELECT c.relname AS table_name,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'practice_id' AND NOT a.attisdropped) AS has_practice
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND has_table_privilege($1, c.oid, 'SELECT')
        ORDER BY c.relname`,
      [TEST_APP_ROLE],
    )
  ).rows.filter((table) => !NOT_FINGERPRINTED_TABLES.has(table.table_name));
  const prints: Record<string, string> = {};
  for (const { table_name: table, has_practice } of tables) {
    const scope = has_practice ? 'practice_id' : table === 'practices' ? 'id' : undefined;
    if (!scope) throw new Error(`${table} has no practice_id: decide how to fingerprint it`);
    const dropped = (NOT_FINGERPRINTED_COLUMNS[table] ?? []).map((column) => ` - '${column}'`).join('');
    const { rows } = await database.query<{ print: string | null; count: string }>(
      `SELECT md5(string_agg(row_text, ',' ORDER BY row_text)) AS print, count(*) AS count
         FROM (SELECT (to_jsonb(t)${dropped})::text AS row_text FROM "${table}" t WHERE ${scope} = $1) rows`,
      [practiceId],
    );
    prints[table] = `${rows[0].count}:${rows[0].print ?? ''}`;
  }
  return prints;
}

// ---------------------------------------------------------------------------------------

describe('bad input', () => {
  const api = useTestApp();
  let database: Client;
  let owner: SignedIn;
  let alex: PortalPerson;
  let practiceId: string;
  const ids: Record<string, string> = {};
  const baseBodies: Record<string, Record<string, unknown>> = {};
  const baseBodyOf = (name: string) => {
    const body = baseBodies[name];
    if (!body) throw new Error(`No base body for ${name}: add a realistic one so each field is attacked on its own`);
    return body;
  };
  /** Sends a hostile request as the route's user (nobody for sign-in, Alex for the portal, else the owner), or as nobody. */
  const sendHostile = (operation: Operation, hostile: TargetedRequest) => {
    const auth = hostile.anonymous || operation.path.startsWith('/api/auth/') ? {} : operation.path.startsWith('/api/portal/') ? alex.auth : owner.auth;
    const url = hostile.query ? `${hostile.path}?${hostile.query}` : hostile.path;
    const call = api.http[operation.method](url).set(auth).timeout({ response: REQUEST_TIMEOUT_MS, deadline: REQUEST_TIMEOUT_MS });
    if (hostile.rawBody !== undefined) return call.set('Content-Type', 'application/json').send(hostile.rawBody);
    return hostile.body === undefined ? call : call.send(hostile.body as object);
  };

  beforeAll(async () => {
    database = await connect(ownerDatabaseUrl());
    owner = await registerPractice(api.http, 'Bad Input Counselling');
    const me = (await api.http.get('/api/me').set(owner.auth).expect(200)).body as { id: string };
    practiceId = (await database.query<{ practice_id: string }>('SELECT practice_id FROM users WHERE id = $1', [me.id])).rows[0].practice_id;
    const clinician = (await addTeamMember(api.http, owner, 'clinician')).member;
    const couple = await openCoupleWithLinks(api.http, owner, me.id);
    alex = couple.alex;
    const { caseId } = couple;
    const post = async (path: string, body: object, auth = owner.auth) => (await api.http.post(path).set(auth).send(body).expect(201)).body as { id: string };

    const today = new Date().toISOString().slice(0, 10);
    const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const session = await post(`/api/cases/${caseId}/sessions`, { startsAt, durationMinutes: 50, modality: 'video' });
    await api.http.put(`/api/sessions/${session.id}/note`).set(owner.auth).send({ template: 'soap', sections: { subjective: 'Both arrived calm.', objective: 'Engaged.', assessment: 'Repair under way.', plan: 'Weekly walks.' }, version: 0 }).expect(200);
    const exerciseBody = walkTemplate('Only once both feel safe alone together.');
    const exercise = await post('/api/exercises', exerciseBody);
    const assignments = (await api.http.post(`/api/cases/${caseId}/assignments`).set(owner.auth).send({ exerciseId: exercise.id, assignTo: 'each', dueOn: today }).expect(201))
      .body as { id: string; participantId: string }[];
    // The portal routes act as Alex, so the assignment whose path they use is Alex's.
    const assignment = assignments.find((made) => made.participantId === alex.id) as { id: string };
    await post(`/api/cases/${caseId}/events`, { kind: 'milestone', occurredOn: today, title: 'First calm talk' });
    await post('/api/portal/check-ins', { trust: 4, safety: 6, heard: 5, closeness: 5, note: 'A steady week.' }, alex.auth);
    await post('/api/portal/safety-reports', { message: 'I felt unsafe on Tuesday.', urgency: 'concern' }, alex.auth);
    const [report] = (await api.http.get(`/api/cases/${caseId}/safety-reports`).set(owner.auth).expect(200)).body as { id: string }[];
    const [alert] = (await api.http.get(`/api/cases/${caseId}/alerts`).set(owner.auth).expect(200)).body as { id: string }[];
    const agreement = await post('/api/agreements', { kind: 'other', title: 'Sessions and fees', body: 'Fees are agreed with {{practice}}.' });
    await signAgreement(api.http, alex, 'builtin:informed-consent', 'Alex Rivera');
    const [signature] = (await database.query<{ id: string }>('SELECT id FROM agreement_signatures WHERE participant_id = $1', [alex.id])).rows;

    const calendarFeed = (await api.http.put('/api/me/calendar-feed').set(owner.auth).send({}).expect(200)).body as { url: string };

    // Billing: both people pay half; Alex has an issued invoice (part paid) and a draft.
    const service = await post('/api/billing/services', { name: 'Couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 15000 });
    const shares = [
      { participantId: alex.id, percent: 50 },
      { participantId: couple.sam.id, percent: 50 },
    ];
    const billing = (await api.http.put(`/api/cases/${caseId}/billing`).set(owner.auth).send({ arrangement: 'shared', shares }).expect(200)).body as {
      balances: { payer: { id: string; participantId: string | null } }[];
    };
    const payerId = billing.balances.find((balance) => balance.payer.participantId === alex.id)?.payer.id as string;
    const chargeBody = { kind: 'manual', payerId, description: 'Couples session', serviceDate: today, amount: 15000, reason: 'Agreed fee', serviceId: service.id };
    const [billed, drafted] = [await post(`/api/cases/${caseId}/charges`, chargeBody), await post(`/api/cases/${caseId}/charges`, chargeBody)];
    const invoice = await post(`/api/cases/${caseId}/invoices`, { payerId, chargeIds: [billed.id] });
    await api.http.post(`/api/invoices/${invoice.id}/issue`).set(owner.auth).send({}).expect(201);
    const draft = await post(`/api/cases/${caseId}/invoices`, { payerId, chargeIds: [drafted.id] });
    const payment = await post(`/api/cases/${caseId}/payments`, { payerId, method: 'cash', amount: 2000, receivedOn: today });

    Object.assign(ids, {
      '/api/users/{id}:id': clinician.id,
      '/api/calendar-feeds/{file}:file': new URL(calendarFeed.url).pathname.split('/').pop() as string,
      '/api/cases/{id}/participants/{pid}/portal-link:pid': couple.sam.id,
      '/api/sessions/{id}:id': session.id,
      '/api/sessions/{id}/note:id': session.id,
      '/api/sessions/{id}/note/sign:id': session.id,
      '/api/sessions/{id}/note/addenda:id': session.id,
      '/api/sessions/{id}/brief:id': session.id,
      '/api/exercises/{id}:id': exercise.id,
      '/api/exercises/{id}/versions/{version}:id': exercise.id,
      '/api/exercises/{id}/duplicate:id': exercise.id,
      '/api/exercises/{id}/archive:id': exercise.id,
      '/api/exercises/{id}/unarchive:id': exercise.id,
      '/api/assignments/{id}:id': assignment.id,
      '/api/assignments/{id}/submissions:id': assignment.id,
      '/api/portal/assignments/{id}/submissions:id': assignment.id,
      '/api/safety-reports/{id}/acknowledge:id': report.id,
      '/api/alerts/{id}/acknowledge:id': alert.id,
      '/api/agreements/{id}:id': agreement.id,
      '/api/billing/services/{id}:id': service.id,
      '/api/billing/clinicians/{id}:id': clinician.id,
      '/api/charges/{id}:id': drafted.id,
      '/api/invoices/{id}:id': draft.id,
      '/api/invoices/{id}/issue:id': draft.id,
      '/api/invoices/{id}/email:id': invoice.id,
      '/api/invoices/{id}/pdf:id': invoice.id,
      '/api/invoices/{id}/credit-notes:id': invoice.id,
      '/api/portal/billing/invoices/{id}/pdf:id': invoice.id,
      '/api/payments/{id}/refunds:id': payment.id,
      '/api/payers/{id}/statement:id': payerId,
      '/api/payers/{id}/statement.pdf:id': payerId,
      pid: alex.id,
      signatureId: signature.id,
      agreementId: 'builtin:informed-consent',
      version: '1',
      id: caseId,
    });
    const { sam } = couple;
    Object.assign(baseBodies, {
      UpdatePracticeDto: { name: 'Bad Input Counselling', timeZone: 'Europe/London', idleTimeoutMinutes: 15, requireTwoFactor: false },
      // Never the right current password, nor a link that exists: no variant may change the account.
      ChangePasswordDto: { currentPassword: 'not the current password', newPassword: 'lantern orchard quietly seventeen' },
      ChangeEmailDto: { email: 'moved@example.test', currentPassword: 'not the current password' },
      ConfirmEmailDto: { token: 'a'.repeat(43) },
      CompletePasswordResetDto: { token: 'a'.repeat(43), newPassword: 'lantern orchard quietly seventeen' },
      PasswordResetDto: { email: 'nobody-here@example.test' },
      AddTeamMemberDto: { name: 'Casey Clinician', email: 'casey@example.test', role: 'clinician', temporaryPassword: 'correct horse battery' },
      UpdateTeamMemberDto: { name: 'A clinician', role: 'clinician', active: true },
      RegisterPracticeDto: { practiceName: 'Another Practice', name: 'Ana Ruiz', email: 'ana@example.test', password: 'correct horse battery', timeZone: 'UTC' },
      LoginDto: { email: owner.email, password: 'correct horse battery' },
      // Never a challenge that exists, nor the right password: no variant may sign in or step up.
      TwoFactorLoginDto: { challengeToken: 'a'.repeat(43), code: '123456' },
      StepUpDto: { password: 'not the current password' },
      // The owner has no two-factor here, so no code can turn it on, off or renew anything.
      TwoFactorCodeDto: { code: '123456' },
      UpdateMeDto: { name: 'Olive Owner', weeklyDigest: true },
      UpdateCalendarFeedDto: { newAddress: true, includeVideoLinks: false },
      CreateCaseDto: {
        relationshipType: 'couple',
        presentingConcern: 'An affair came to light in March.',
        phase: 1,
        status: 'intake',
        clinicianIds: [clinician.id],
        participants: [
          { displayName: 'Jordan', breachRole: 'broke-trust', email: 'jordan@example.test', phone: '+44 7700 900123', pronouns: 'they/them' },
          { displayName: 'Robin', breachRole: 'was-hurt' },
        ],
        confidentialityPolicyId: 'builtin:no-secrets',
        agreementIds: ['builtin:informed-consent'],
      },
      // Each exercise is for both people: participantIndex 0 or 1 would be refused with it, so its hostile values are too.
      CreateIntakeDto: {
        relationshipType: 'couple',
        presentingConcern: 'A hidden debt came to light.',
        phase: 1,
        status: 'intake',
        clinicianIds: [clinician.id],
        participants: [
          { displayName: 'Jordan', breachRole: 'broke-trust', email: 'jordan@example.test', phone: '+44 7700 900123', pronouns: 'they/them' },
          { linkTo: sam.id, breachRole: 'was-hurt' },
        ],
        exercises: [{ exerciseId: exercise.id, version: 1, assignTo: 'each', dueOn: today, instructions: 'Start this week.' }],
        createPortalLinks: true,
        confidentialityPolicyId: 'builtin:no-secrets',
        agreementIds: ['builtin:informed-consent'],
      },
      IntakeCheckDto: { emails: ['jordan@example.test', 'sam@example.test'] },
      UpdateCaseDto: {
        relationshipType: 'couple',
        presentingConcern: 'An affair came to light in March.',
        status: 'active',
        phase: 2,
        clinicianIds: [me.id],
        participants: [{ id: alex.id, displayName: 'Alex Rivera', breachRole: 'broke-trust', email: 'alex@example.test', phone: '+44 7700 900123', pronouns: 'he/him' }],
      },
      CreateCaseEventDto: { kind: 'setback', occurredOn: today, title: 'A hard evening', details: 'An old message resurfaced.', participantId: sam.id },
      ScheduleSessionDto: { startsAt, durationMinutes: 50, modality: 'video', attendeeIds: [alex.id, sam.id] },
      UpdateSessionDto: { startsAt, durationMinutes: 60, modality: 'phone', status: 'scheduled', attendeeIds: [alex.id] },
      CancelSessionDto: { scope: 'this', reason: 'Clinician unwell.' },
      SaveNoteDto: { template: 'soap', sections: { subjective: 'Quieter today.', objective: 'Engaged.', assessment: 'Steady.', plan: 'Keep the walks going.' }, aboutParticipantId: alex.id, version: 1 },
      AddAddendumDto: { body: 'Added after the session.' },
      CreateExerciseDto: exerciseBody,
      UpdateExerciseDto: { ...exerciseBody, title: 'Morning walk', version: 1 },
      ImportExerciseLibraryDto: {
        format: 'trustwork.exercise-library',
        formatVersion: 1,
        exportedAt: new Date().toISOString(),
        source: { practiceName: 'Harbour Lane Counselling' },
        exercises: [{ key: 'morning-walk', ...exerciseBody, title: 'Morning walk', otherAudiences: ['each'], sheet: 'shared', version: 3 }],
      },
      CreateAgreementDto: { kind: 'other', title: 'Sessions and fees', body: 'Fees are agreed with {{practice}}.' },
      UpdateAgreementDto: { title: 'Sessions and fees', body: 'Fees are agreed with {{practice}} before we start.', archived: false, version: 1 },
      ChangePolicyDto: { agreementId: 'builtin:kept-private', reason: 'Agreed together in session.' },
      SetCaseAgreementsDto: { agreementIds: ['builtin:informed-consent', 'builtin:telehealth'] },
      AgreementReminderDto: { participantId: alex.id },
      // Never the hash of the text: no variant may sign.
      SignAgreementDto: { version: 1, documentHash: '0'.repeat(64), typedName: 'Alex Rivera', intendToSign: true },
      CreateAssignmentDto: { exerciseId: exercise.id, version: 1, assignTo: 'participant', participantId: alex.id, dueOn: today, instructions: 'Try it twice this week.' },
      UpdateAssignmentDto: { status: 'paused', instructions: 'Pause while you travel.' },
      SubmitAnswersDto: { occurrenceOn: today, answers: { walked: true, closeness: 6, moment: 'We laughed.' }, shared: false },
      SubmitCheckInDto: { trust: 5, safety: 5, heard: 5, closeness: 5, note: 'Better.' },
      SendSafetyReportDto: { message: 'Something scared me.', urgency: 'urgent' },
      AcknowledgeAlertDto: { note: 'Called them both.' },
      UpdateRemindersDto: { homework: false },
      PortalCancelSessionDto: { reason: 'Away for work that week.' },
      UpdateBillingSettingsDto: {
        currency: 'USD',
        taxId: '12-3456789',
        npi: '1234567893',
        lateCancellationFee: 5000,
        noShowFee: 7500,
        paymentTermsDays: 30,
        paymentInstructions: 'Bank transfer to Harbour Lane Counselling, account 12345678.',
      },
      CreateBillingServiceDto: { name: 'Individual session', cptCode: '90834', sessionKind: 'individual', defaultDurationMinutes: 45, fee: 12000 },
      UpdateBillingServiceDto: { name: 'Couples session (50 minutes)', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 16000, archived: false },
      UpdateClinicianCredentialsDto: { licence: 'LMFT 12345, CA', npi: '1234567893' },
      SetCaseBillingDto: { arrangement: 'shared', shares, individualSessionsToOwnPerson: true },
      SetDiagnosesDto: { codes: [{ code: 'Z63.0', description: 'Relationship distress with spouse or partner' }] },
      CreateChargeDto: { ...chargeBody, kind: 'adjustment', amount: -1000, reason: 'Loyalty discount' },
      UpdateChargeDto: { description: 'Couples session (50 minutes)', serviceDate: today, amount: 14000, serviceId: service.id, payerId, reason: 'Agreed fee' },
      CreateInvoiceDto: { payerId, chargeIds: [drafted.id] },
      UpdateInvoiceDto: { chargeIds: [drafted.id] },
      CreateCreditNoteDto: { reason: 'Session fee waived', lines: [{ chargeId: billed.id, amount: 1000 }] },
      RecordPaymentDto: { payerId, method: 'card', amount: 1000, receivedOn: today, reference: 'Receipt 12', allocations: [{ invoiceId: invoice.id, amount: 1000 }] },
      RefundPaymentDto: { amount: 100, refundedOn: today, reason: 'Paid twice by mistake.' },
    });
  });
  afterAll(async () => {
    await database?.end();
  });

  it('refuses hostile bodies, queries and ids with a 4xx in the error shape, and changes nothing stored', async () => {
    const document = (await api.http.get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const { operations, supplemented } = operationsOf(document);
    const attacked = operations.filter((operation) => operation.body || operation.parameters.some((parameter) => parameter.in !== 'header'));
    // The document must describe the API for this test to reach it.
    expect(attacked.length).toBeGreaterThan(40);

    const before = await fingerprint(database, practiceId);
    // The fingerprint covers the records the fixtures made, so a change to any would show.
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['practices', 'users', 'cases', 'participants', 'sessions', 'notes', 'assignments', 'submissions', 'check_ins', 'safety_reports', 'case_alerts', 'portal_links']));
    let requests = 0;
    const failures: string[] = [];
    for (const operation of attacked) {
      const started = Date.now();
      const details = await fc.check(
        fc.asyncProperty(requestsFor(document, operation, ids, baseBodyOf), async (hostile) => {
          requests += 1;
          let response: Response;
          try {
            response = await sendHostile(operation, hostile);
          } catch (error) {
            const url = hostile.query ? `${hostile.path}?${hostile.query}` : hostile.path;
            throw new Error(`${operation.method.toUpperCase()} ${url} (${hostile.kind}) got no answer: ${(error as Error).message}`, { cause: error });
          }
          const problem = problemWith(response);
          if (problem) throw new Error(`${operation.method.toUpperCase()} ${operation.path} (${hostile.kind}) ${problem}: ${JSON.stringify(response.body).slice(0, 300)}`);
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
      );
      if (process.env.BAD_INPUT_VERBOSE) console.log(`${operation.method} ${operation.path}: ${Date.now() - started} ms${details.failed ? ' FAILED' : ''}`);
      if (details.failed) failures.push(`${(details.errorInstance as Error).message}\n${fc.defaultReportMessage(details)}`);
    }
    const after = await fingerprint(database, practiceId);

    console.log(`bad input: ${requests} requests, ${failures.length} failures${supplemented.length ? ` (fields of ${supplemented.join(', ')} taken from the DTOs: the document lists none)` : ''}`);
    for (const failure of failures) console.log(failure.slice(0, 2000));
    expect(failures).toHaveLength(0);
    expect(after).toEqual(before);
    // Some 9,400 requests, one route after another, take well over 100 s on a busy two-core machine.
  }, 300_000);

  it('refuses forged cursors, text that is not valid Unicode and deep nesting on every route with a 400, and changes nothing stored', async () => {
    const document = (await api.http.get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const { operations } = operationsOf(document);
    const before = await fingerprint(database, practiceId);
    const counts = { cursors: 0, text: 0, nesting: 0 };
    const failures: string[] = [];
    const send = async (operation: Operation, targeted: TargetedRequest) => {
      let response: Response;
      try {
        response = await sendHostile(operation, targeted);
      } catch (error) {
        failures.push(`${operation.method.toUpperCase()} ${operation.path} (${targeted.kind}) got no answer: ${(error as Error).message}`);
        return;
      }
      const read = targeted.mayBeRead && response.status >= 200 && response.status < 300;
      const problem = read ? undefined : problemWithRefusal(response);
      if (problem) failures.push(`${operation.method.toUpperCase()} ${operation.path} (${targeted.kind}) ${problem}: ${JSON.stringify(response.body).slice(0, 200)}`);
    };
    for (const operation of operations) {
      const fill = pathFiller(operation, ids);
      const path = fill();
      const base = operation.body ? baseBodyOf(operation.body.name) : undefined;
      const classes = { cursors: forgedCursorRequests(operation, path), text: brokenTextRequests(document, operation, fill, base), nesting: deepNestingRequests(operation, path, base) };
      for (const [name, requests] of Object.entries(classes) as [keyof typeof counts, TargetedRequest[]][]) {
        for (const targeted of requests) await send(operation, targeted);
        counts[name] += requests.length;
      }
    }
    const after = await fingerprint(database, practiceId);

    const total = counts.cursors + counts.text + counts.nesting;
    console.log(`bad input, every route: ${total} requests (${counts.cursors} forged cursors, ${counts.text} broken texts, ${counts.nesting} deep nestings), ${failures.length} failures`);
    for (const failure of failures.slice(0, 40)) console.log(failure);
    // Every class reached the routes it is about: the caseload and the audit list page, every body and text field.
    expect(counts.cursors).toBeGreaterThan(50);
    expect(counts.text).toBeGreaterThan(200);
    expect(counts.nesting).toBeGreaterThan(100);
    expect(failures).toEqual([]);
    expect(after).toEqual(before);
  }, 150_000);
});
