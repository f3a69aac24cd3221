// This browser's device tokens: loaded by HttpPartnerApi (src/api/client.ts) with the first sign-in or sign-up.

/**
 * The device tokens this browser got from sign-ins, per API and partner code, in localStorage
 * (they outlive the session). A browser that sends the token of an earlier sign-in is not
 * locked out by strangers guessing the partner's password.
 */
export class DeviceTokens {
  static readonly KEY = 'partner-center:devices';
  #memory: Record<string, string> = {};

  /** `storage`: where the tokens are kept; `null` keeps them in memory only. */
  constructor(private readonly storage: Storage | null = safeLocalStorage()) {}

  get(baseUrl: string, code: string): string | undefined {
    return this.#read()[`${baseUrl}|${code.toLowerCase()}`];
  }

  set(baseUrl: string, code: string, token: string | undefined) {
    if (!token) return;
    this.#memory = { ...this.#read(), [`${baseUrl}|${code.toLowerCase()}`]: token };
    try {
      this.storage?.setItem(DeviceTokens.KEY, JSON.stringify(this.#memory));
    } catch {
      // storage full or blocked: remembered for this page only
    }
  }

  #read(): Record<string, string> {
    try {
      const value: unknown = JSON.parse(this.storage?.getItem(DeviceTokens.KEY) ?? 'null');
      return value && typeof value === 'object' ? (value as Record<string, string>) : this.#memory;
    } catch {
      return this.#memory;
    }
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // sandboxed iframes throw on access
  }
}
