// The full bundle: importing it defines every partner-* element.
import '../components/partner-login/partner-login.js';
import '../components/partner-links/partner-links.js';
import '../components/partner-banners/partner-banners.js';
import '../components/partner-email-copy/partner-email-copy.js';
import '../components/partner-resources/partner-resources.js';

export { ApiError } from './api/errors.js';
export { HttpPartnerApi } from './api/client.js';
export { sessionStore } from './session.js';
export type * from './api/types.js';
