#!/bin/sh
# replay.sh: every fuzz harness run once over its seeds (made from the test
# fixtures by seeds.py) and over every input kept in tests/fuzz/regressions/
# (crashes the fuzzers found, each fixed). Part of `make check`, so the kept
# crashes run under ASan+UBSan and valgrind like every other test. Works
# with the standalone harnesses and with the libFuzzer ones alike: given
# files, both run each once.
set -u
: "${SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/fp-replay.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
python3 "$SRCDIR/tests/fuzz/seeds.py" "$TMP/seeds" > /dev/null || { echo "FAIL: seeds.py"; exit 1; }
failed=0
# FUZZERS: the harnesses' paths, set by make check
for bin in ${FUZZERS:?set by make check}; do
	t=${bin#tests/fuzz/fuzz-}
	n=0
	for dir in "$TMP/seeds/$t" "$SRCDIR/tests/fuzz/regressions/$t"; do
		[ -d "$dir" ] || continue
		n=$((n + $(find "$dir" -type f | wc -l)))
		if ! find "$dir" -type f -print0 | sort -z |
		    xargs -0 -n 100 sh "$SRCDIR/tests/valgrind.sh" "$bin" > "$TMP/out" 2>&1; then
			echo "FAIL: fuzz-$t on $dir"
			tail -n 40 "$TMP/out"
			failed=1
		fi
	done
	echo "fuzz-$t: $n inputs"
done
[ $failed -eq 0 ] && echo "PASS: replay" || echo "FAIL: replay"
exit $failed
