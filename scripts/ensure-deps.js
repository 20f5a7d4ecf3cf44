#!/usr/bin/env node
// Runs before `npm test`, `npm run plan` and `npm run bench`: on a fresh clone (or when
// package-lock.json changed) it installs exactly what the lock file says, so each README
// command works on its own. Plain JavaScript with Node built-ins: nothing to install first.
const { execSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const lock = path.join(root, "package-lock.json");
const installed = path.join(root, "node_modules", ".package-lock.json");

const fresh =
    fs.existsSync(installed) &&
    fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs &&
    fs.existsSync(path.join(root, "node_modules", ".bin", "tsc"));
if (!fresh) {
    console.error("pulumi-ha: installing dependencies (npm ci) …");
    execSync("npm ci --no-audit --no-fund", { cwd: root, stdio: "inherit" });
}
