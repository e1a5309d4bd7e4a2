#!/usr/bin/env node
// The `jalon` command: runs the server and CLI compiled to JavaScript in build/ (compiled once, and again only
// when a source changed — see scripts/build-server.mjs), instead of compiling TypeScript at every start.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { currentBuild } from '../scripts/build-server.mjs';

const dir = await currentBuild();
await import(pathToFileURL(join(dir, 'server', 'cli', 'main.js')).href);
