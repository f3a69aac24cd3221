// custom-elements.json is generated (npm run manifest) and git-ignored; this keeps
// `tsc --noEmit` working on a clean clone before it exists.
declare module '*/custom-elements.json' {
  const manifest: { schemaVersion: string; modules: unknown[] } & Record<string, unknown>;
  export default manifest;
}
