/**
 * What an audit entry changed, readable: the fields whose value differs between `before` and
 * `after`, nested objects flattened to dotted paths (`homeItems.programs`).
 */
export interface FieldChange {
  field: string;
  /** undefined: the field did not exist (created) */
  before?: unknown;
  /** undefined: the field is gone (deleted) */
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function flatten(value: unknown, prefix: string, into: Map<string, unknown>) {
  if (isObject(value) && (Object.keys(value).length || !prefix)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, into);
  } else if (prefix) into.set(prefix, value);
  else if (value !== null && value !== undefined) into.set('value', value);
  return into;
}

export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const [b, a] = [flatten(before, '', new Map()), flatten(after, '', new Map())];
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return fields
    .filter((f) => JSON.stringify(b.get(f)) !== JSON.stringify(a.get(f)))
    .map((field) => ({ field, ...(b.has(field) ? { before: b.get(field) } : {}), ...(a.has(field) ? { after: a.get(field) } : {}) }));
}

/** A value as the log shows it: text in quotes, the rest as JSON, long values shortened. */
export function auditValue(value: unknown): string {
  const text = typeof value === 'string' ? `“${value}”` : JSON.stringify(value) ?? 'nothing';
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

const PAST: Record<string, string> = { create: 'created', update: 'updated', delete: 'deleted', approve: 'approved', reject: 'rejected', reverse: 'reversed', revoke: 'revoked', archive: 'archived' };

/** `program.update` → "Program updated"; `partner.set_password` → "Partner set password". */
export function actionText(action: string): string {
  const [subject = '', ...rest] = action.split('.');
  const verb = rest.join(' ');
  const words = `${subject.replace(/[_-]+/g, ' ')} ${PAST[verb] ?? verb.replace(/[_-]+/g, ' ')}`.trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
