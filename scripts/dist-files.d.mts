/** Types for dist-files.mjs, so rollup.config.ts and TypeScript tests can import it. */
export declare const KEEP_BUILDS: number;
export declare function cleanDist(dir: string): void;
export declare function recordChunks(chunksDir: string, files: string[], keep?: number): string[];
