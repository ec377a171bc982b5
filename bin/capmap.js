#!/usr/bin/env node
// The `capmap` command: the built CLI (out/main/cli.js, made by `npm run build`, run by `prepare` on install).
require('../out/main/cli.js')
