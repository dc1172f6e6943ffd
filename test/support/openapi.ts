import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * GitHub's published OpenAPI description (npm @octokit/openapi, api.github.com) as a JSON
 * Schema validator, so the fake GitHub's answers are checked against the real API's contract.
 * OpenAPI 3.0 is not quite JSON Schema: `nullable` is turned into a `null` alternative first.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const require = createRequire(import.meta.url);
const SPEC_PATH = require.resolve('@octokit/openapi/generated/api.github.com.json');
const DOCUMENT_ID = 'https://api.github.com/openapi.json';

/** OpenAPI 3.0 schema object -> JSON Schema (draft-07) for the parts Ajv reads differently. */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'discriminator' || key === 'example' || key === 'examples') continue;
    result[key] = toJsonSchema(value);
  }
  if (node.nullable !== true) return result;
  if (typeof result.type === 'string') {
    result.type = [result.type, 'null'];
    if (Array.isArray(result.enum)) result.enum = [...result.enum, null];
    return result;
  }
  return { anyOf: [result, { type: 'null' }] };
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export class GitHubOpenApi {
  readonly spec: JsonObject;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    this.spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as JsonObject;
    // Only paths and components matter; both are converted once.
    const document = { $id: DOCUMENT_ID, paths: toJsonSchema(this.spec.paths ?? {}), components: toJsonSchema(this.spec.components ?? {}) };
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
    addFormats(this.ajv);
    for (const format of ['int32', 'int64', 'double', 'timestamp', 'repo.nwo', 'binary', 'uri-template']) this.ajv.addFormat(format, true);
    this.ajv.addSchema(document);
  }

  get version(): string {
    const info = this.spec.info as JsonObject | undefined;
    return String(info?.version ?? 'unknown');
  }

  private operation(method: string, pathTemplate: string): JsonObject {
    const paths = this.spec.paths as JsonObject;
    const item = paths[pathTemplate] as JsonObject | undefined;
    const operation = item?.[method.toLowerCase()] as JsonObject | undefined;
    if (operation === undefined) throw new Error(`GitHub's OpenAPI description has no ${method} ${pathTemplate}`);
    return operation;
  }

  /** The JSON pointer (inside the document) of an operation's response body schema for a status. */
  private responsePointer(method: string, pathTemplate: string, status: number): string | 'no-content' | undefined {
    const responses = this.operation(method, pathTemplate).responses as JsonObject;
    const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : undefined;
    if (key === undefined) return undefined;
    let response = responses[key] as JsonObject;
    let pointer = `/paths/${escapePointer(pathTemplate)}/${method.toLowerCase()}/responses/${key}`;
    if (typeof response.$ref === 'string') {
      pointer = response.$ref.slice(1);
      const name = response.$ref.split('/').pop() ?? '';
      response = ((this.spec.components as JsonObject).responses as JsonObject)[name] as JsonObject;
    }
    const content = response.content as JsonObject | undefined;
    if (content?.['application/json'] === undefined) return 'no-content';
    return `${pointer}/content/application~1json/schema`;
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.compiled.get(pointer);
    if (validate === undefined) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` });
      this.compiled.set(pointer, validate);
    }
    return validate;
  }

  /**
   * Problems of a response body against the operation's schema for that status; [] when it
   * conforms. A status the description does not list for the operation is itself a problem,
   * except 4xx/5xx errors, which GitHub answers on every route with its basic-error shape.
   */
  validateResponse(method: string, pathTemplate: string, status: number, body: unknown): string[] {
    const where = `${method} ${pathTemplate} ${status}`;
    let pointer = this.responsePointer(method, pathTemplate, status);
    if (pointer === undefined) {
      if (status < 400) return [`${where}: status not in GitHub's OpenAPI description`];
      pointer = '/components/schemas/basic-error';
    }
    if (pointer === 'no-content') return body === undefined ? [] : [`${where}: the description has no body for this status`];
    const validate = this.validator(pointer);
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${where}: ${error.instancePath || '(root)'} ${error.message ?? 'invalid'}`);
  }

  /** Problems of an error body of a route GitHub does not have (its 404 is a basic-error). */
  validateError(body: unknown): string[] {
    const validate = this.validator('/components/schemas/basic-error');
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `error body: ${error.instancePath || '(root)'} ${error.message ?? 'invalid'}`);
  }

  /** Problems of a request body against the operation's requestBody schema. */
  validateRequest(method: string, pathTemplate: string, body: unknown): string[] {
    const operation = this.operation(method, pathTemplate);
    if (operation.requestBody === undefined) return [];
    const validate = this.validator(`/paths/${escapePointer(pathTemplate)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`);
    return validate(body)
      ? []
      : (validate.errors ?? []).map((error) => `${method} ${pathTemplate} request: ${error.instancePath || '(root)'} ${error.message ?? 'invalid'}`);
  }

  /**
   * A minimal instance of a component schema (required properties only), for the bulky parts
   * of an answer the gate never reads (repository, commit, app). Overrides are merged in.
   */
  sample(schemaName: string, overrides: JsonObject = {}): JsonObject {
    const schemas = (this.spec.components as JsonObject).schemas as JsonObject;
    const instance = sampleOf(schemas[schemaName] ?? null, schemas, 0);
    return deepMerge(instance as JsonObject, overrides);
  }
}

function sampleOf(schema: Json, schemas: JsonObject, depth: number): Json {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return null;
  if (typeof schema.$ref === 'string') return sampleOf(schemas[schema.$ref.split('/').pop() ?? ''] ?? null, schemas, depth + 1);
  if (schema.nullable === true && depth > 6) return null;
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const parts = schema[key];
    if (Array.isArray(parts) && parts.length > 0) {
      if (key === 'allOf')
        return parts.reduce<Json>((merged, part) => deepMerge(merged as JsonObject, (sampleOf(part, schemas, depth + 1) ?? {}) as JsonObject), {});
      return sampleOf(parts[0] ?? null, schemas, depth + 1);
    }
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] ?? null;
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as JsonObject;
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      return Object.fromEntries(required.map((name) => [name, sampleOf(properties[name] ?? { type: 'string' }, schemas, depth + 1)]));
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'string':
      return schema.format === 'date-time'
        ? '2026-01-01T00:00:00Z'
        : schema.format === 'uri'
          ? 'https://api.github.com/sample'
          : schema.format === 'email'
            ? 'octocat@example.com'
            : schema.format === 'date'
              ? '2026-01-01'
              : 'sample';
    default:
      return schema.nullable === true ? null : 'sample';
  }
}

function deepMerge(base: JsonObject, overrides: JsonObject): JsonObject {
  const result: JsonObject = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = result[key];
    result[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value) && current !== null && typeof current === 'object' && !Array.isArray(current)
        ? deepMerge(current, value)
        : value;
  }
  return result;
}

let shared: GitHubOpenApi | undefined;
/** One parsed description per test file (13 MB of JSON). */
export function gitHubOpenApi(): GitHubOpenApi {
  shared ??= new GitHubOpenApi();
  return shared;
}
