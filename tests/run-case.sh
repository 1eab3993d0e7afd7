#!/bin/sh
# run-case.sh: run one data-driven test case (tests/cases/NAME.case).
#
# A case is a text file of sections (see tests/README.md):
#   %%ARGS      footprint's arguments, shell-quoted; %ARCHIVE% is the input
#   %%ARCHIVE   a fixture folder under tests/archives (or %SHARED%/...)
#   %%FORMS     "dir zip" (default with %%ARCHIVE): run once per form
#   %%REQUIRES  paths that must exist, else the case is skipped
#   %%NEEDS     "network": skipped when footprint is built --without-network
#   %%SETUP     shell code run first, in $TMP (may set ARCHIVE_PATH)
#   %%EXIT      the expected exit status
#   %%FINDINGS  the findings, one "platform kind id category rule severity
#               action evidence" line each (tabs), in any order
#   %%WARNINGS  lines that must each appear within a warning of the report
#   %%STDERR    lines that must each appear within stderr
#   %%STDOUT    the exact stdout, with the input path shown as ARCHIVE
#   %%SCRIPT    a shell script that is the whole test (exit 0 = pass)
# Environment: FOOTPRINT, MKZIP, SRCDIR (set by make check).
set -u
case_file=$1
name=$(basename "$case_file" .case)
: "${SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
SHARED=$(cd "$SRCDIR/.." && pwd)/shared
TMP=$(mktemp -d "${TMPDIR:-/tmp}/fp-case.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export TMP SHARED SRCDIR

# Split the case into $TMP/sec.NAME files.
awk -v dir="$TMP" '
	/^%%[A-Z]+/ { sec = substr($1, 3); file = dir "/sec." sec; printf "" > file; next }
	sec != "" { print >> file }
' "$case_file"
has() { [ -f "$TMP/sec.$1" ]; }
sec() { cat "$TMP/sec.$1"; }
subst() {
	sed -e "s|%SRCDIR%|$SRCDIR|g" -e "s|%SHARED%|$SHARED|g" -e "s|%TMP%|$TMP|g"
}

if has REQUIRES; then
	for p in $(sec REQUIRES | subst); do
		[ -e "$p" ] || { echo "SKIP: $name: $p is not here"; exit 77; }
	done
fi

if has NEEDS && sec NEEDS | grep -qw network &&
    "$FOOTPRINT" fetch 2>&1 | grep -q "without network support"; then
	echo "SKIP: $name: footprint is built without network support"
	exit 77
fi

if has SCRIPT; then
	sec SCRIPT | subst > "$TMP/script.sh"
	(cd "$TMP" && sh -eu "$TMP/script.sh")
	rc=$?
	[ $rc -eq 0 ] && echo "PASS: $name" || echo "FAIL: $name (script exit $rc)"
	exit $rc
fi

failed=0
fail() { echo "FAIL: $name [$form]: $*"; failed=1; }

archive=""
if has ARCHIVE; then
	archive=$(sec ARCHIVE | subst | head -n 1)
	case $archive in /*) ;; *) archive="$SRCDIR/tests/archives/$archive" ;; esac
fi
forms="none"
[ -n "$archive" ] && forms="dir zip"
has FORMS && forms=$(sec FORMS)

for form in $forms; do
	ARCHIVE_PATH=$archive
	if [ "$form" = zip ]; then
		ARCHIVE_PATH="$TMP/$(basename "$archive").zip"
		rm -f "$ARCHIVE_PATH"
		"$MKZIP" "$ARCHIVE_PATH" "$archive" "$(basename "$archive")-2024-01-01" ||
			{ fail "cannot build the zip"; continue; }
	fi
	if has SETUP; then
		sec SETUP | subst > "$TMP/setup.sh"
		. "$TMP/setup.sh"
	fi
	args=$(sec ARGS | subst | sed -e "s|%ARCHIVE%|'$ARCHIVE_PATH'|g")
	eval "set -- $args"
	(cd "$TMP" && "$FOOTPRINT" "$@") > "$TMP/out" 2> "$TMP/err" < /dev/null
	rc=$?
	want=0
	has EXIT && want=$(sec EXIT | head -n 1)
	[ "$rc" = "$want" ] || fail "exit status $rc, want $want"
	if has FINDINGS; then
		sort < "$TMP/sec.FINDINGS" | sed '/^$/d' > "$TMP/want.f"
		python3 "$SRCDIR/tests/findings.py" findings < "$TMP/out" | sort > "$TMP/got.f" ||
			fail "the report is not JSON"
		diff -u "$TMP/want.f" "$TMP/got.f" > "$TMP/diff" || { fail "findings differ"; cat "$TMP/diff"; }
	fi
	if has WARNINGS; then
		python3 "$SRCDIR/tests/findings.py" warnings < "$TMP/out" > "$TMP/got.w"
		while IFS= read -r line; do
			[ -z "$line" ] && continue
			grep -qF -- "$line" "$TMP/got.w" || { fail "no warning '$line'"; cat "$TMP/got.w"; }
		done < "$TMP/sec.WARNINGS"
	fi
	if has STDERR; then
		while IFS= read -r line; do
			[ -z "$line" ] && continue
			grep -qF -- "$line" "$TMP/err" || { fail "stderr lacks '$line'"; cat "$TMP/err"; }
		done < "$TMP/sec.STDERR"
	fi
	if has STDOUT; then
		real=$(cd "$(dirname "$ARCHIVE_PATH")" 2>/dev/null && pwd -P)/$(basename "$ARCHIVE_PATH")
		sed -e "s|$real|ARCHIVE|g" -e "s|$TMP|TMP|g" "$TMP/out" > "$TMP/got.o"
		diff -u "$TMP/sec.STDOUT" "$TMP/got.o" > "$TMP/diff" || { fail "stdout differs"; cat "$TMP/diff"; }
	fi
	if [ $failed -ne 0 ]; then
		echo "--- stderr:"; cat "$TMP/err"
		exit 1
	fi
done
echo "PASS: $name"
exit 0
