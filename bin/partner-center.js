#!/usr/bin/env node
// Runs the TypeScript server through tsx's loader, so there is no separate server build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli.ts');
process.exitCode = await main(process.argv.slice(2));
