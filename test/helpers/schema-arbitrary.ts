import fc from 'fast-check';
import { resolve } from './openapi-cast.js';

/**
 * A fast-check arbitrary for the values an OpenAPI (JSON Schema) request schema describes: mostly
 * the right shape — enums, bounds, lengths, patterns, formats, required keys — with, at every
 * level, a chance of something else entirely (wrong types, out-of-range numbers, unknown keys),
 * so both the valid path and every refusal are exercised.
 */
export function schemaArbitrary(doc: any, raw: any, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw) ?? {};
  const junk = fc.oneof(
    fc.anything({ maxDepth: 1, maxKeys: 3 }),
    fc.constantFrom('', ' ', '0', '-1', 'null', '<script>alert(1)</script>', '=HYPERLINK("x")', '../../etc/passwd', '\u0000', 'x'.repeat(5000)),
    fc.constantFrom(-1, 0, 1.5, Number.MAX_SAFE_INTEGER, -2147483649, 1e21),
  );
  const shaped = shapedArbitrary(doc, schema, depth);
  return depth > 4 ? shaped : fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: junk });
}

function shapedArbitrary(doc: any, schema: any, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf || schema.oneOf) return fc.oneof(...(schema.anyOf ?? schema.oneOf).map((s: any) => schemaArbitrary(doc, s, depth + 1)));
  if (schema.allOf) return shapedArbitrary(doc, Object.assign({}, ...schema.allOf.map((s: any) => resolve(doc, s))), depth);
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : schema.properties ? ['object'] : ['string'];
  return fc.oneof(...types.map((type) => typed(doc, schema, type, depth)));
}

function typed(doc: any, schema: any, type: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
      const max = schema.maximum ?? 1_000_000_000;
      const inRange = type === 'integer' ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 53 - 1) }) : fc.double({ min, max, noNaN: true });
      return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1) });
    }
    case 'string': {
      const minLength = schema.minLength ?? 0;
      const maxLength = Math.min(schema.maxLength ?? 80, 80);
      const options: fc.Arbitrary<string>[] = [fc.string({ minLength, maxLength: Math.max(minLength, maxLength) }), fc.string({ unit: 'grapheme', maxLength: 20 })];
      if (schema.format === 'email' || /email/i.test(schema.description ?? '')) options.push(fc.emailAddress());
      if (schema.format === 'uri' || schema.format === 'url') options.push(fc.webUrl());
      if (schema.example !== undefined) options.push(fc.constant(String(schema.example)));
      if (schema.pattern) {
        try {
          options.push(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200)));
        } catch {
          // a pattern JavaScript cannot compile: the other strings still run
        }
      }
      options.push(fc.constantFrom('2026-01-01', '2026-01-31T23:59:59Z', 'https://shop.example.com/x', 'annika7', 'shop', 'USD'));
      return fc.oneof(...options);
    }
    case 'array':
      return fc.array(schemaArbitrary(doc, schema.items ?? {}, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'object': {
      const properties: Record<string, any> = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, schemaArbitrary(doc, s, depth + 1)]));
      const required: string[] = (schema.required ?? []).filter((k: string) => k in model);
      const record = fc.record(model, { requiredKeys: required });
      return fc.oneof(
        { weight: 5, arbitrary: record },
        // an unknown key next to the others
        { weight: 1, arbitrary: fc.tuple(record, fc.string({ minLength: 1, maxLength: 8 }), fc.anything({ maxDepth: 0 })).map(([r, k, v]) => ({ ...(r as object), [k]: v })) },
      );
    }
    default:
      return fc.anything({ maxDepth: 1 });
  }
}
