/** The Chrome/Chromium to test with: CHROME_PATH, else the usual system locations. */
export function findChrome(): string | undefined;
export const NO_CHROME_MESSAGE: string;
/** Flags for headless Chromium on CI and as root. */
export const CHROME_ARGS: string[];
