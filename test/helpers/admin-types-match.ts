/**
 * Compile-time only (`tsc --noEmit`): the console's response types (admin/api/types.ts) equal
 * the server's zod schemas. The browser build never reaches into server/, so this is where a
 * drift between the two fails — in the typecheck, not in a merchant's browser.
 */
import type { z } from 'zod';
import type * as S from '../../server/shared/engine-schemas.js';
import type { LinkView } from '../../server/catalog/links.js';
import type { BannerView } from '../../server/resources/banners.js';
import type { EmailView } from '../../server/resources/email-copy.js';
import type { PageView } from '../../server/resources/resource-pages.js';
import type { UploadView } from '../../server/resources/uploads.js';
import type { AdminBanner, AdminEmailCopy, AdminLink, AdminResourcePage, AdminUpload } from '../../admin/api/types.js';
import type { AdminBalance, AdminCommission, AdminCommissionReason, AdminLedgerEntry, AdminProgram, PartnerAccount, PartnerAccountDetail } from '../../admin/api/types.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const adminTypesMatchServer: [
  Same<AdminBalance, z.infer<typeof S.BalanceSchema>>,
  Same<PartnerAccount, z.infer<typeof S.PartnerAccountSchema>>,
  Same<PartnerAccountDetail, z.infer<typeof S.PartnerAccountDetailSchema>>,
  Same<AdminLedgerEntry, z.infer<typeof S.LedgerEntrySchema>>,
  Same<AdminCommissionReason, z.infer<typeof S.CommissionReasonSchema>>,
  Same<AdminCommission, z.infer<typeof S.CommissionSchema>>,
  Same<AdminProgram, Pick<z.infer<typeof S.ProgramSchema>, 'id' | 'name' | 'status'>>,
  Same<AdminLink, LinkView>,
  Same<AdminBanner, BannerView>,
  Same<AdminEmailCopy, EmailView>,
  Same<AdminResourcePage, PageView>,
  Same<AdminUpload, UploadView>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];
