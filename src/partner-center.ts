// The full bundle: importing it defines every partner-* element.
import '../components/partner-login/partner-login.js';
import '../components/partner-ledger/partner-ledger.js';
import '../components/partner-reports/partner-reports.js';

export { ApiError } from './api/errors.js';
export { HttpPartnerApi } from './api/client.js';
export { sessionStore } from './session.js';
export type * from './api/types.js';
