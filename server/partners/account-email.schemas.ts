import { z } from '@hono/zod-openapi';
import { newPassword, pageUrl } from './schemas.js';

/** The requests and answers of password reset, email confirmation and notification choices (partner side of issue 12). */

const token = z.string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') }).trim().min(1, 'is required').max(200, 'is at most 200 characters');

export const RESET_REQUESTED_MESSAGE = 'If an account matches, we have sent a link to reset the password to its email address.';

export const PasswordResetRequestSchema = z
  .object({
    login: z.string({ error: 'Enter your partner code or email address' }).trim().min(1, 'Enter your partner code or email address').max(254, 'is at most 254 characters')
      .openapi({ description: 'The partner code or the email address of the account', example: 'demo' }),
    resetUrl: pageUrl.optional().openapi({
      description:
        'The page the emailed link opens (with `?pc_reset=<token>` added, its other query parameters kept). Used only when its origin is allowed ' +
        '(ALLOWED_ORIGINS or settings.allowedOrigins, not `*`; PUBLIC_URL; this server); otherwise the link opens this server’s /portal',
      example: 'https://shop.example.com/partners',
    }),
  })
  .strict()
  .openapi('PasswordResetRequest');
export type PasswordResetRequest = z.input<typeof PasswordResetRequestSchema>;

export const MessageSchema = z.object({ message: z.string() }).openapi('Message');
export type Message = z.infer<typeof MessageSchema>;

export const PasswordResetConfirmSchema = z
  .object({
    token: token.openapi({ description: 'The `pc_reset` parameter of the emailed link' }),
    newPassword,
  })
  .strict()
  .openapi('PasswordResetConfirm');
export type PasswordResetConfirm = z.input<typeof PasswordResetConfirmSchema>;

export const EmailConfirmationSchema = z
  .object({ token: token.openapi({ description: 'The `pc_confirm` parameter of the emailed link' }) })
  .strict()
  .openapi('EmailConfirmation');
export type EmailConfirmation = z.input<typeof EmailConfirmationSchema>;

export const EmailConfirmedSchema = z.object({ email: z.string().openapi({ example: 'dana@example.com' }) }).openapi('EmailConfirmed');
export type EmailConfirmed = z.infer<typeof EmailConfirmedSchema>;

export const confirmUrl = pageUrl.optional().openapi({
  description: 'The page the confirmation link opens (with `?pc_confirm=<token>` added); the same origin rule as `resetUrl`, else this server’s /portal',
  example: 'https://shop.example.com/partners',
});

export const EmailConfirmationResendSchema = z.object({ confirmUrl }).strict().openapi('EmailConfirmationResend');
export type EmailConfirmationResend = z.input<typeof EmailConfirmationResendSchema>;

const commission = z.enum(['immediate', 'daily', 'off'], { error: 'must be "immediate", "daily" or "off"' });
const flag = z.boolean({ error: 'must be true or false' });

export const NotificationPreferencesSchema = z
  .object({
    commission: commission.openapi({ description: 'An email for each new commission, one a day listing them, or none' }),
    payment: flag.openapi({ description: 'An email when a payment is sent' }),
    statement: flag.openapi({ description: 'A monthly statement (the month’s ledger, CSV attached)' }),
    available: z
      .object({ commission: z.boolean(), payment: z.boolean(), statement: z.boolean() })
      .openapi({ description: 'Which of them the merchant sends at all (a kind switched off sends nothing, whatever the choice)' }),
  })
  .openapi('NotificationPreferences');
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

export const NotificationPreferencesPatchSchema = z
  .object({ commission: commission.optional(), payment: flag.optional(), statement: flag.optional() })
  .strict()
  .openapi('NotificationPreferencesPatch');
export type NotificationPreferencesPatch = z.input<typeof NotificationPreferencesPatchSchema>;
