// Moved to server/merchants/admin-keys.ts; kept for the CLI's import until server/cli/engine.ts is split.
export { createAdminKey } from '../merchants/admin-keys.js';
