#!/bin/sh
# Bootstrap the autotools build from a git checkout: ./autogen.sh && ./configure && make
set -e
cd "$(dirname "$0")"
mkdir -p build-aux m4
autoreconf --force --install --verbose -Wall
