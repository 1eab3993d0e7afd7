#!/bin/sh
# footprint-vg.sh: what FOOTPRINT is under `make check-valgrind`: the real
# program ($FP_REAL_FOOTPRINT) under valgrind (see valgrind.sh).
exec "$(dirname "$0")/valgrind.sh" "$FP_REAL_FOOTPRINT" "$@"
