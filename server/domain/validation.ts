import type { ZodType, z } from 'zod';
import { DomainError } from './errors.js';

/**
 * Parses input the CLI or another caller hands to the domain. A failure becomes the same
 * `invalid_request` DomainError the HTTP layer answers for zod failures: 400 naming the field.
 */
export function parseInput<S extends ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.length ? issue.path.map(String).join('.') : undefined;
  let message = issue?.message ?? 'is invalid';
  if (issue?.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required';
  else if (issue?.code === 'unrecognized_keys') message = `has unknown field(s): ${issue.keys.join(', ')}`;
  throw new DomainError('invalid', 'invalid_request', path ? `${path}: ${message}` : message, path);
}
