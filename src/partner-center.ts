// The full bundle: importing it defines every partner-* element — those already on the page one
// per task, in page order (see deferDefinitions), so a page of many widgets never blocks long.
import './internal/defer-definitions.js';
import '../components/partner-center/partner-center.js';
import '../components/partner-commissions/partner-commissions.js';
import '../components/partner-login/partner-login.js';
import '../components/partner-password-reset/partner-password-reset.js';
import '../components/partner-profile/partner-profile.js';
import '../components/partner-programs/partner-programs.js';
import '../components/partner-signup/partner-signup.js';
import '../components/partner-welcome/partner-welcome.js';
import '../components/partner-links/partner-links.js';
import '../components/partner-banners/partner-banners.js';
import '../components/partner-email-copy/partner-email-copy.js';
import '../components/partner-resources/partner-resources.js';
import '../components/partner-ledger/partner-ledger.js';
import '../components/partner-reports/partner-reports.js';
import '../components/partner-overview/partner-overview.js';
import '../components/partner-payouts/partner-payouts.js';
import '../components/partner-recruits/partner-recruits.js';

export { ApiError } from './api/errors.js';
export { HttpPartnerApi } from './api/client.js';
export { sessionStore, SessionStore } from './session.js';
export type * from './api/types.js';
export { signInWithEmbedToken } from './embed.js';

import { signInFromMetaTag, signInWithEmbedToken } from './embed.js';
import { defineDeferred } from './internal/partner-element.js';

// Non-module pages reach the helpers through window.PartnerCenter.
const g = globalThis as { PartnerCenter?: Record<string, unknown> };
g.PartnerCenter = { ...g.PartnerCenter, signInWithEmbedToken };
void signInFromMetaTag();
defineDeferred();
