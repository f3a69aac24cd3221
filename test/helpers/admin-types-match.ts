/**
 * Compile-time only (`tsc --noEmit`): the console's types written by hand in admin/api/types.ts
 * (the Programs, Settings, Payouts and Resources sections' — the rest are imported from the
 * server's schemas) equal the server's zod schemas. The browser build never reaches into server/, so this is where a
 * drift between the two fails — in the typecheck, not in a merchant's browser.
 */
import type { z } from 'zod';
import type * as C from '../../server/catalog/schemas.js';
import type * as M from '../../server/money/schemas.js';
import type { newProgramSchema, programPatchSchema } from '../../server/catalog/programs.js';
import type { Settings, settingsPatchSchema } from '../../server/catalog/settings.js';
import type { MerchantSettings, NewProgram, Program, ProgramPatch, SettingsPatch } from '../../admin/api/types.js';
import type { PayoutDue } from '../../admin/api/types.js';
import type { BannerView, EmailView, PageView, UploadView } from '../../server/resources/schemas.js';
import type { AdminBanner, AdminEmailCopy, AdminLink, AdminResourcePage, AdminUpload } from '../../admin/api/types.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const adminTypesMatchServer: [
  Same<Program, z.infer<typeof C.ProgramSchema>>,
  Same<NewProgram, z.input<typeof newProgramSchema>>,
  Same<ProgramPatch, z.input<typeof programPatchSchema>>,
  Same<MerchantSettings, Settings>,
  Same<SettingsPatch, z.input<typeof settingsPatchSchema>>,
  Same<PayoutDue, z.infer<typeof M.PayoutSchema>>,
  Same<AdminLink, C.LinkView>,
  Same<AdminBanner, BannerView>,
  Same<AdminEmailCopy, EmailView>,
  Same<AdminResourcePage, PageView>,
  Same<AdminUpload, UploadView>,
] = [true, true, true, true, true, true, true, true, true, true, true];
