/** Types for find-chrome.mjs, so TypeScript tests can import it. */
export declare function findChrome(): string | undefined;
export declare const NO_CHROME_MESSAGE: string;
export declare const CHROME_ARGS: string[];
