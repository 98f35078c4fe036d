/*
 * Checks recorded HTTP exchanges against a published OpenAPI description (a vendored subset in
 * test/fixtures/openapi/): the route and method exist, the path and query parameters are declared
 * and of their schema's type, the body matches the request body schema, and the response body
 * matches the schema of its status. Validation is Ajv's, in JSON Schema 2020-12 (OpenAPI 3.1's
 * dialect; a 3.0 description's `nullable` is rewritten to it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Obj = Record<string, unknown>;

export interface Exchange {
  method: string;
  /** Path as sent, without the server's base path. */
  path: string;
  query: Record<string, string | string[]>;
  body: string;
  status: number;
  response: unknown;
}

export interface Operation {
  readonly template: string;
  readonly method: string;
  readonly spec: Obj;
  readonly pathParams: Record<string, string>;
}

export interface ContractOptions {
  /** Schema (`#/components/schemas/…`) for error statuses an operation does not describe. */
  readonly fallbackError: string;
  /**
   * Array query parameters as the client library writes them (`name[]=a`); the descriptions
   * leave arrays to OpenAPI's default (`name=a&name=b`). Both are accepted and reported apart.
   */
  readonly bracketArrays?: boolean;
}

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, discriminator: true, ...(coerce ? { coerceTypes: 'array' as const } : {}) });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  // OpenAI's own format for Unix seconds.
  ajv.addFormat('unixtime', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  return ajv;
}

/** OpenAPI 3.0's `nullable: true` as JSON Schema 2020-12 says it (3.1 dropped the keyword). */
function nullableToJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableToJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, nullableToJsonSchema(v)])) as Obj;
  if (nullable !== true) return nullable === undefined ? rest : { ...rest, nullable };
  if (typeof rest.type === 'string') return { ...rest, type: [rest.type, 'null'], ...(Array.isArray(rest.enum) ? { enum: [...rest.enum, null] } : {}) };
  return { anyOf: [rest, { type: 'null' }] };
}

/**
 * Closes every described object: a field the description does not name is a problem too (a fake
 * that invents a field hides a client that depends on it). Objects that say nothing of their
 * extra fields are closed; those that allow them (`additionalProperties`) stay open.
 */
function closeObjects(node: unknown, member = false): unknown {
  if (Array.isArray(node)) return node.map((x) => closeObjects(x, member));
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as Obj).map(([p, x]) => [p, closeObjects(x)])) : closeObjects(v, k === 'allOf')]),
  ) as Obj;
  // The members of an `allOf` stay open: their union is closed where they are combined.
  if (!member && (out.properties || out.allOf) && out.additionalProperties === undefined && out.unevaluatedProperties === undefined) out.unevaluatedProperties = false;
  return out;
}

const describe = (errors: ErrorObject[] | null | undefined, data: unknown) =>
  (errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}${e.instancePath ? ` (got ${JSON.stringify(valueAt(data, e.instancePath))?.slice(0, 80)})` : ''}`);

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split('/').slice(1)) node = (node as Obj | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node;
}

export class Contract {
  readonly doc: Obj;
  readonly #name: string;
  readonly #ajv: Ajv;
  readonly #params: Ajv;
  readonly #cache = new Map<string, ValidateFunction>();
  readonly #options: ContractOptions;
  readonly #routes: { template: string; regex: RegExp; literals: number }[];

  constructor(file: string, options: ContractOptions) {
    this.#name = file;
    const doc = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'openapi', file), 'utf8')) as Obj;
    this.doc = closeObjects(String(doc.openapi).startsWith('3.0') ? nullableToJsonSchema(doc) : doc) as Obj;
    this.#options = options;
    this.#ajv = makeAjv(false);
    this.#params = makeAjv(true);
    for (const ajv of [this.#ajv, this.#params]) ajv.addSchema(this.doc, file);
    this.#routes = Object.keys(this.doc.paths as Obj).map((template) => ({
      template,
      regex: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, n: string) => `(?<${n.replace(/\W/g, '_')}>[^/]+)`)}$`),
      literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
    }));
  }

  /** The described operation for a method and concrete path; literal segments win over parameters. */
  operation(method: string, path: string): Operation | undefined {
    const match = this.#routes
      .map((r) => ({ r, m: r.regex.exec(path) }))
      .filter((x) => x.m)
      .sort((a, b) => b.r.literals - a.r.literals)[0];
    if (!match) return undefined;
    const spec = (this.doc.paths as Record<string, Obj>)[match.r.template]![method.toLowerCase()] as Obj | undefined;
    if (!spec) return undefined;
    const pathParams = Object.fromEntries(Object.entries(match.m!.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    return { template: match.r.template, method: method.toUpperCase(), spec, pathParams };
  }

  #resolve<T = Obj>(node: unknown): T {
    let n = node as Obj;
    while (n && typeof n.$ref === 'string') n = valueAt(this.doc, (n.$ref as string).slice(1)) as Obj;
    return n as T;
  }

  #validator(key: string, schema: Obj, params = false): ValidateFunction {
    const cacheKey = `${params}:${key}`;
    let v = this.#cache.get(cacheKey);
    if (!v) {
      // Refs inside point into the document added under its file name.
      const rebased = JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${this.#name}#/`)) as Obj;
      v = (params ? this.#params : this.#ajv).compile(rebased);
      this.#cache.set(cacheKey, v);
    }
    return v;
  }

  /** Problems with a request (empty: valid); `undefined` operation means the route is not described. */
  checkRequest(x: Exchange): string[] {
    const op = this.operation(x.method, x.path);
    if (!op) return [`${x.method} ${x.path}: no such operation in ${this.#name}`];
    const pathItem = (this.doc.paths as Record<string, Obj>)[op.template]!;
    const declared = [...((pathItem.parameters as unknown[]) ?? []), ...((op.spec.parameters as unknown[]) ?? [])].map((p) => this.#resolve<{ name: string; in: string; required?: boolean; schema: Obj }>(p));
    const problems: string[] = [];
    const where = `${op.method} ${op.template}`;
    for (const place of ['path', 'query'] as const) {
      const params = declared.filter((p) => p.in === place);
      const given: Obj = {};
      if (place === 'path') Object.assign(given, op.pathParams);
      else {
        for (const [raw, value] of Object.entries(x.query)) {
          const name = this.#options.bracketArrays ? raw.replace(/\[\]$/, '') : raw;
          const param = params.find((p) => p.name === name);
          if (!param) {
            problems.push(`${where}: query parameter "${raw}" is not described`);
            continue;
          }
          if (raw !== name && this.#resolve(param.schema).type !== 'array') problems.push(`${where}: "${raw}" written as an array but "${name}" is not one`);
          given[name] = value;
        }
      }
      const schema = { type: 'object', properties: Object.fromEntries(params.map((p) => [p.name, p.schema])), required: params.filter((p) => p.required).map((p) => p.name) };
      const v = this.#validator(`${where} ${place}`, schema, true);
      if (!v(given)) problems.push(...describe(v.errors, given).map((e) => `${where}: ${place} parameters: ${e}`));
    }
    const requestBody = this.#resolve<{ required?: boolean; content?: Record<string, { schema: Obj }> } | undefined>(op.spec.requestBody);
    if (x.body) {
      const schema = requestBody?.content?.['application/json']?.schema;
      if (!schema) problems.push(`${where}: sent a body, but the operation takes none`);
      else {
        const body = JSON.parse(x.body) as unknown;
        const v = this.#validator(`${where} body`, schema);
        if (!v(body)) problems.push(...describe(v.errors, body).map((e) => `${where}: body: ${e}`));
      }
    } else if (requestBody?.required) problems.push(`${where}: the request body is required`);
    return problems;
  }

  /** The schema a response of this status must match, and whether the operation describes the status. */
  responseSchema(op: Operation, status: number): { schema: Obj | undefined; described: boolean } {
    const responses = op.spec.responses as Obj;
    const entry = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (entry) return { schema: this.#resolve<{ content?: Record<string, { schema: Obj }> }>(entry).content?.['application/json']?.schema, described: true };
    return { schema: status >= 400 ? { $ref: `#/components/schemas/${this.#options.fallbackError}` } : undefined, described: false };
  }

  /** Problems with a response (empty: valid). Undescribed error statuses fall back to the generic error schema. */
  checkResponse(x: Exchange): string[] {
    const op = this.operation(x.method, x.path);
    if (!op) return [`${x.method} ${x.path}: no such operation in ${this.#name}`];
    const where = `${op.method} ${op.template} → ${x.status}`;
    const { schema, described } = this.responseSchema(op, x.status);
    if (!schema) return described ? [] : [`${where}: status not described`];
    const v = this.#validator(`${op.method} ${op.template} ${x.status}`, schema);
    return v(x.response) ? [] : describe(v.errors, x.response).map((e) => `${where}: ${e}`);
  }
}
