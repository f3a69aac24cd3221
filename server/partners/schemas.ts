import { z } from '@hono/zod-openapi';
import { BalanceSchema, PayoutMethodSchema } from '../money/schemas.js';

/** The partner answers and requests: the partner themself, sign-in, sign-up, profile changes; and the admin's view of an account. */

/** A partner code: 2 to 32 letters, digits, - or _, starting with a letter or digit. */
export const PARTNER_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/;

/** A partner code as a request names it (trimmed). */
export const partnerCode = z
  .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
  .trim()
  .regex(PARTNER_CODE_PATTERN, 'must be 2–32 letters, digits, dashes or underscores, starting with a letter or digit');

/** The absolute http(s) address of a page of the merchant's site, for links in emails. */
export const pageUrl = z
  .string({ error: 'must be text' })
  .trim()
  .max(2000, 'is at most 2000 characters')
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be the absolute address (https://…) of a page');

/** A new password (change, reset): 8 to 256 characters. */
export const newPassword = z
  .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
  .min(8, 'Use at least 8 characters')
  .max(256, 'is at most 256 characters');

export const PartnerSchema = z
  .object({
    code: z.string().openapi({ example: 'demo' }),
    name: z.string().openapi({ example: 'Dana Demo' }),
    email: z.string().openapi({ example: 'dana@example.com' }),
    status: z.enum(['active', 'pending', 'disabled']),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    website: z.string().nullable(),
    address: z.string().nullable(),
    payoutMethod: PayoutMethodSchema.nullable(),
    payoutDetails: z.string().nullable().openapi({ description: 'PayPal email, bank details… shown only to the partner and the merchant' }),
    emailConfirmed: z.boolean().openapi({
      description: 'Whether the partner confirmed their email address (the link of the email_confirmation message); needed before payout details can change',
    }),
    createdAt: z.string().openapi({ example: '2026-01-31T09:00:00.000Z' }),
  })
  .openapi('Partner');
export type Partner = z.infer<typeof PartnerSchema>;

/** The signed-in partner (GET/PATCH /me): the partner with the coupon codes the merchant gave them. */
export const MeSchema = PartnerSchema.extend({
  coupons: z.array(z.string()).openapi({ description: 'Coupon codes credited to the partner at checkout (set by the merchant)', example: ['DANA10'] }),
}).openapi('Me');
export type Me = z.infer<typeof MeSchema>;

export const LoginRequestSchema = z
  .object({
    code: z.string().trim().min(1, 'Enter your partner code').max(64, 'is at most 64 characters').openapi({ example: 'demo' }),
    password: z.string().min(1, 'Enter your password').max(256, 'is at most 256 characters').openapi({ example: 'demo-password' }),
    deviceToken: z
      .string()
      .max(100, 'is at most 100 characters')
      .optional()
      .openapi({ description: 'The `deviceToken` an earlier sign-in of this partner gave this browser: it is not locked out by strangers’ failures' }),
  })
  .strict()
  .openapi('LoginRequest');
export type LoginRequest = z.input<typeof LoginRequestSchema>;

export const LoginResultSchema = z
  .object({
    token: z.string().openapi({ description: 'Bearer token for the partner API' }),
    expiresAt: z.string().openapi({ example: '2026-01-31T21:00:00.000Z' }),
    partner: PartnerSchema,
    deviceToken: z.string().optional().openapi({
      description: 'Keep it in this browser (per partner code) and send it with later sign-ins: that browser is then exempt from the lock strangers’ failures put on the code',
    }),
  })
  .openapi('LoginResult');
export type LoginResult = z.infer<typeof LoginResultSchema>;

export const SignupRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter your name').max(120, 'is at most 120 characters'),
    email: z.string().trim().max(254, 'is at most 254 characters').email('Enter a valid email address'),
    code: z
      .string()
      .trim()
      .regex(PARTNER_CODE_PATTERN, 'Use 2 to 32 letters, digits, - or _, starting with a letter or digit')
      .openapi({ description: 'The partner code (user name) the partner wants' }),
    password: z.string().min(8, 'Use at least 8 characters').max(256, 'is at most 256 characters'),
    acceptTerms: z.literal(true, { message: 'Accept the program terms to sign up' }),
    referrerCode: z
      .string()
      .trim()
      .max(64)
      .optional()
      .openapi({ description: 'Code of the partner who referred this one; an unknown or inactive code is ignored, not refused' }),
    confirmUrl: pageUrl.optional().openapi({
      description:
        'The sign-up page: the email confirmation link opens it with `?pc_confirm=<token>`, and the approval email links to it. Used only when its origin is allowed ' +
        '(as `resetUrl` of POST /auth/password-reset); otherwise this server’s /portal',
    }),
  })
  .strict()
  .openapi('SignupRequest');
export type SignupRequest = z.input<typeof SignupRequestSchema>;

export const SignupResultSchema = z
  .object({
    partner: PartnerSchema,
    status: z.enum(['active', 'pending']),
    message: z.string(),
    token: z.string().optional(),
    expiresAt: z.string().optional(),
    deviceToken: z.string().optional().openapi({ description: 'As in LoginResult' }),
  })
  .openapi('SignupResult');
export type SignupResult = z.infer<typeof SignupResultSchema>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `is at most ${max} characters`)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

/** What a partner may change of their profile; null clears an optional field. */
const profileFields = {
  name: z.string().trim().min(1, 'Enter your name').max(120, 'is at most 120 characters').optional(),
  email: z.string().trim().max(254).email('Enter a valid email address').optional(),
  phone: optionalText(40).refine((v) => v == null || /^[+()0-9 .-]{3,40}$/.test(v), 'Enter a phone number using digits, spaces, + ( ) . -'),
  company: optionalText(120),
  website: optionalText(300).refine((v) => v == null || /^https?:\/\/[^\s]+$/.test(v), 'Enter a web address starting with https://'),
  address: optionalText(500),
  payoutMethod: PayoutMethodSchema.nullable().optional(),
  payoutDetails: optionalText(500),
  currentPassword: z
    .string()
    .max(256, 'is at most 256 characters')
    .optional()
    .openapi({ description: 'Required when the email, payout method or payout details change' }),
};
/** The fields of a profile change (the partner elements' form). */
export type ProfilePatch = z.input<z.ZodObject<typeof profileFields>>;

/** `PATCH /me`: the fields, and where the confirmation link of a new email address leads. */
export const ProfilePatchSchema = z
  .object({
    ...profileFields,
    confirmUrl: pageUrl.optional().openapi({
      description: 'When the email changes: the page the confirmation link opens (as in SignupRequest); otherwise ignored',
    }),
  })
  .strict()
  .openapi('ProfilePatch');
/** `PATCH /me`'s body: a ProfilePatch, with `confirmUrl` when the email changes. */
export type ProfilePatchRequest = z.input<typeof ProfilePatchSchema>;

export const PasswordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(256),
    newPassword,
  })
  .strict()
  .openapi('PasswordChange');
export type PasswordChange = z.input<typeof PasswordChangeSchema>;


export const PartnerAccountSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    email: z.string(),
    status: z.enum(['active', 'pending', 'disabled']),
    parentCode: z.string().nullable(),
    programIds: z.array(z.number().int()),
    balance: BalanceSchema,
    payoutMethod: PayoutMethodSchema.nullable().openapi({ description: 'how the partner wants to be paid (their profile)' }),
    payoutDetailsMasked: z.string().nullable().openapi({ description: 'their payout details masked (emails as j•••@example.com, others as •••• plus the last 4 characters)', example: '•••• 3000' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PartnerAccount');

export type PartnerAccountView = z.infer<typeof PartnerAccountSchema>;

export const PartnerAccountDetailSchema = PartnerAccountSchema.extend({
  payoutDetails: z.string().nullable().openapi({ description: 'their payout details in full (PayPal email, IBAN…)', example: 'DE89 3704 0044 0532 0130 00' }),
}).openapi('PartnerAccountDetail');

export type PartnerAccountDetailView = z.infer<typeof PartnerAccountDetailSchema>;

/** `POST /api/v1/admin/embed-tokens` */
export const EmbedTokenSchema = z
  .object({ embedToken: z.string(), expiresAt: z.string(), partner: PartnerSchema })
  .openapi('EmbedToken');
export type EmbedToken = z.infer<typeof EmbedTokenSchema>;
