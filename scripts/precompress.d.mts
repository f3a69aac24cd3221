/** Types for precompress.mjs, so rollup.config.ts and TypeScript tests can import it. */
export declare const COMPRESSIBLE: RegExp;
export declare function compress(bytes: Uint8Array): { br: Buffer; gzip: Buffer };
export declare function precompress(dir: string, files?: string[]): Map<string, { raw: number; br: number; gzip: number }>;
export declare function listFiles(dir: string, prefix?: string): string[];
