import { z } from '../http/openapi.js';

/** The one definition of each merchant-side shape: the server uses z.infer, the console `import type`. */

export const merchantRole = z.enum(['owner', 'staff']).openapi({ description: 'owner: everything; staff: everything except settings changes, merchant users, admin keys and payments' });
export const merchantUserStatus = z.enum(['active', 'disabled']);
export const merchantEmail = z.string().trim().max(254, 'is at most 254 characters').email('Enter a valid email address').toLowerCase();
export const merchantPassword = z.string().min(12, 'Use at least 12 characters').max(256, 'is at most 256 characters');

export const MerchantUserSchema = z
  .object({
    id: z.number().int(),
    email: z.string().openapi({ example: 'owner@northwind.example' }),
    role: merchantRole,
    status: merchantUserStatus,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('MerchantUser');
export type MerchantUserView = z.infer<typeof MerchantUserSchema>;

export const newMerchantUserSchema = z
  .object({ email: merchantEmail, role: merchantRole, password: merchantPassword })
  .strict()
  .openapi('NewMerchantUser');
export type NewMerchantUser = z.infer<typeof newMerchantUserSchema>;

export const merchantUserPatchSchema = z
  .object({ role: merchantRole, status: merchantUserStatus, password: merchantPassword })
  .partial()
  .strict()
  .openapi('MerchantUserPatch');
export type MerchantUserPatch = z.infer<typeof merchantUserPatchSchema>;

export const MerchantLoginSchema = z
  .object({
    email: z.string().trim().min(1, 'Enter your email address').max(254, 'is at most 254 characters').openapi({ example: 'owner@northwind.example' }),
    password: z.string().min(1, 'Enter your password').max(256, 'is at most 256 characters').openapi({ example: 'demo-owner-password' }),
  })
  .strict()
  .openapi('MerchantLoginRequest');
export type MerchantLogin = z.input<typeof MerchantLoginSchema>;

export const MerchantLoginResultSchema = z
  .object({
    token: z.string().openapi({ description: 'Bearer token for /api/v1/admin/*, within the user’s role' }),
    expiresAt: z.string().openapi({ example: '2026-01-31T21:00:00.000Z' }),
    user: MerchantUserSchema,
  })
  .openapi('MerchantLoginResult');
export type MerchantLoginResult = z.infer<typeof MerchantLoginResultSchema>;

export const AdminKeySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters of the key, to recognise it' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().openapi({ description: 'Within a minute' }),
    revokedAt: z.string().nullable(),
  })
  .openapi('AdminKey');
export type AdminKeyView = z.infer<typeof AdminKeySchema>;

export const NewAdminKeySchema = AdminKeySchema.extend({ key: z.string().openapi({ description: 'The key itself: shown this once, never again' }) }).openapi('NewAdminKey');
export type NewAdminKey = z.infer<typeof NewAdminKeySchema>;

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorType: z.enum(['user', 'key', 'cli']),
    actor: z.string().openapi({ description: 'The merchant user’s email, the admin key’s name, or `cli`' }),
    action: z.string().openapi({ example: 'program.update' }),
    targetType: z.string().openapi({ example: 'program' }),
    targetId: z.string().nullable().openapi({ example: '3' }),
    before: z.unknown().openapi({ description: 'The target before the change (null when created); secrets are never stored' }),
    after: z.unknown().openapi({ description: 'The target after the change (null when deleted)' }),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** `GET /api/v1/admin/audit` */
export const AuditPageSchema = z
  .object({
    items: z.array(AuditEntrySchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  })
  .openapi('AuditPage');
export type AuditPage = z.infer<typeof AuditPageSchema>;
