#!/bin/sh
# offline-netns.sh: the whole offline suite (every unit test and every case
# but the API ones and the three volume ones) again, inside a network
# namespace with no interface up, to show that nothing but fetch and
# delete needs the network. Then, when strace is here, the offline
# commands are traced: none opens an internet socket. Skipped where
# network namespaces cannot be made (unshare -n).
set -u
: "${SRCDIR:?}" "${FOOTPRINT:?}"
unshare -n true 2>/dev/null || { echo "SKIP: no network namespace here (unshare -n)"; exit 77; }
# Under check-valgrind the same suite has just run; this one is about the
# network, not memory, and would only run it all a second time. CI runs it
# in its first pass of the suite and sets FP_OFFLINE_CHECKED for the others.
[ -z "${FP_VALGRIND:-}" ] || { echo "SKIP: under valgrind (see make check)"; exit 77; }
[ -z "${FP_OFFLINE_CHECKED:-}" ] || { echo "SKIP: checked in an earlier pass"; exit 77; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/fp-netns.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
failed=0 n=0
for t in tests/unit/test-*; do
	case $t in *.o|*.log|*.trs|*.c) continue ;; esac
	[ -x "$t" ] || continue
	n=$((n + 1))
	unshare -n "$t" > "$TMP/out" 2>&1 || { echo "FAIL: $t without a network"; cat "$TMP/out"; failed=1; }
done
for c in "$SRCDIR"/tests/cases/*.case; do
	# api-*: they need a (local) network. The volume cases read what the
	# others read, only at size: they would take most of this test's time.
	case $(basename "$c") in
	api-*|hostile-limits.case|crash-safety.case|bounded-memory.case) continue ;;
	esac
	n=$((n + 1))
	unshare -n sh "$SRCDIR/tests/run-case.sh" "$c" > "$TMP/out" 2>&1
	rc=$?
	[ $rc -eq 0 ] || [ $rc -eq 77 ] || { echo "FAIL: $c without a network"; tail -20 "$TMP/out"; failed=1; }
done
echo "$n offline tests run without a network"
if command -v strace > /dev/null; then
	db=$TMP/s.db
	A=$SRCDIR/tests/archives
	for cmd in "audit --agency UNHCR $SRCDIR/samples/x-lina-haddad $A/mastodon-2023 $A/bluesky-2023" \
	    "import --db $db $SRCDIR/samples/x-lina-haddad $A/reddit-2024" \
	    "scan --db $db --agency UNHCR" "report --db $db --format html -o $TMP/r.html" \
	    "plan --db $db -o $TMP/plan.json" "delete --db $db" "rules lint"; do
		# shellcheck disable=SC2086
		strace -f -qq -e trace=socket -o "$TMP/trace" "$FOOTPRINT" $cmd > /dev/null 2>&1
		if grep -E "AF_INET|AF_INET6|AF_PACKET" "$TMP/trace"; then
			echo "FAIL: footprint ${cmd%% *} opened a network socket"
			failed=1
		fi
	done
	echo "strace: no internet socket from audit, import, scan, report, plan, delete (dry run), rules"
fi
exit $failed
