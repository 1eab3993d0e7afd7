#!/bin/sh
# valgrind.sh PROGRAM [ARGS]: run PROGRAM under valgrind when FP_VALGRIND is
# set (`make check-valgrind`), else as it is. Any memory error, or a leak
# valgrind calls definite, fails with status 99. Used as the unit tests'
# LOG_COMPILER, by replay.sh for the fuzz harnesses, and (through
# footprint-vg.sh) for every run of footprint in the cases.
if [ -z "${FP_VALGRIND:-}" ]; then
	exec "$@"
fi
exec valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	--suppressions="$(dirname "$0")/valgrind.supp" --num-callers=30 "$@"
