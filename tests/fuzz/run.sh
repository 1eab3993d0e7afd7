#!/bin/sh
# run.sh [-t SECONDS] [-o DIR] [TARGET...]: run the fuzzers.
#
# From a build configured with --enable-fuzzing (clang, libFuzzer, ASan and
# UBSan): builds the harnesses, makes the seed corpora from the test
# fixtures (seeds.py), then runs each TARGET (default: all of them, see
# `ls tests/fuzz/dict`) for SECONDS (default 60) with its dictionary. The
# corpus each run grows is kept in DIR/<target>/corpus (default fuzz-out) and
# seeds the next run. A crash, leak, timeout or broken promise is copied
# into tests/fuzz/regressions/<target>/ in the source tree: fix it, and the
# file becomes a regression test that `make check` replays (replay.sh).
# Prints one line per target; exits 1 when anything was found.
set -u
secs=60
out=fuzz-out
while getopts t:o: opt; do
	case $opt in
	t) secs=$OPTARG ;;
	o) out=$OPTARG ;;
	*) sed -n '2,13p' "$0"; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
src=$(cd "$(dirname "$0")/../.." && pwd)
grep -q 'define FP_FUZZING\|-DFP_FUZZING' Makefile 2>/dev/null ||
	{ echo "run.sh: run it from a build made with ./configure --enable-fuzzing" >&2; exit 2; }
targets=${*:-$(ls "$src/tests/fuzz/dict" | sed 's/\.dict$//')}
make -s fuzzers > /dev/null || exit 2
rm -rf "$out/seeds"
python3 "$src/tests/fuzz/seeds.py" "$out/seeds" > /dev/null || exit 2
found=0
for t in $targets; do
	bin=tests/fuzz/fuzz-$t
	[ -x "$bin" ] || { echo "run.sh: no harness $bin" >&2; exit 2; }
	rm -rf "$out/$t/artifacts"
	mkdir -p "$out/$t/corpus" "$out/$t/artifacts"
	seeds="$out/seeds/$t"
	[ -d "$seeds" ] || seeds=
	"$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2560 -max_len=262144 \
	    -dict="$src/tests/fuzz/dict/$t.dict" -print_final_stats=1 \
	    -artifact_prefix="$out/$t/artifacts/" \
	    "$out/$t/corpus" $seeds > "$out/$t/log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t/log")
	cov=$(grep -o 'cov: [0-9]*' "$out/$t/log" | tail -n 1)
	if [ $rc -ne 0 ]; then
		found=1
		mkdir -p "$src/tests/fuzz/regressions/$t"
		for a in "$out/$t/artifacts"/*; do
			[ -f "$a" ] && cp "$a" "$src/tests/fuzz/regressions/$t/"
		done
		echo "fuzz-$t: FOUND something after ${runs:-?} runs (exit $rc); see $out/$t/log," \
		    "input kept in tests/fuzz/regressions/$t/"
		grep -m 3 -E 'ERROR|broken promise|SUMMARY' "$out/$t/log" | sed 's/^/    /'
	else
		echo "fuzz-$t: ${runs:-?} runs in ${secs}s, ${cov:-cov: ?}, nothing found"
	fi
done
exit $found
