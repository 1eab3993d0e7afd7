#!/bin/sh
# tests/setup-e2e.sh: what the browser test of the HTML report needs beyond
# the build: Node.js and npm (from Debian when the machine has none) and
# playwright-core in tests/e2e/node_modules. Chromium comes from Debian's
# chromium package (README's first command). Safe to run again.
set -eu
cd "$(dirname "$0")/e2e"
if ! command -v node > /dev/null 2>&1; then
	apt-get install -y nodejs npm
elif ! command -v npm > /dev/null 2>&1; then
	apt-get install -y npm
fi
if [ ! -d node_modules/playwright-core ]; then
	npm install --no-package-lock --no-audit --no-fund --loglevel=error
fi
