import { createContext } from '@lit/context';
import type { PartnerApi } from './types.js';

/** An enclosing element (e.g. `<partner-center>`) provides the API client to the widgets inside it. */
export const apiContext = createContext<PartnerApi | undefined>(Symbol.for('partner-center.api'));
