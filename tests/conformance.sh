#!/bin/sh
# tests/conformance.sh -- parser conformance: runs `ferryc --check` over the
# public test262-parser-tests corpus (pass/, fail/, early/), installed at test
# time from the npm registry into a cache under the build tree (never
# committed), and reports the counts.
#
# What each case must do (its "expectation"):
#   fail/*, early/*         rejected: non-zero exit, first line FILE:LINE:COL: MSG
#   pass/* that is ES5      accepted (exit 0)
#   pass/* that is ES2015+  rejected with "... is ES2015 syntax ..." -- unless
#                           Duktape 2.7 compiles it (const, computed property
#                           names, 0o/0b, \u{...}, method shorthand ...): then
#                           either accepted or rejected with that message.
# "ES5" is decided by two independent oracles, both run here on every case:
#   - acorn (npm, pinned) parsing it as an ECMAScript 5 script, and
#   - Debian's Duktape 2.7 compiling it (tests/conformance_duk, duk_pcompile).
# ES5 = both accept; ES2015+ = acorn's ES5 mode rejects it. The few cases where
# the oracles are wrong or ES5 and Duktape disagree are listed, with the
# reason and the expectation that replaces the computed one, in
# tests/data/conformance-exceptions.txt; its `bug:` lines are known parser
# bugs, counted apart (reported as skipped) until they pass. Module-goal
# cases (*.module.js) are skipped: Ferry compiles scripts only.
#
# A crash, a hang (per-file guard) or a malformed error line always fails.
# Exit: 0 all as expected, 1 otherwise, 77 (SKIP) when npm/node or the
# network is unavailable or ferryc cannot parse even `var a = 1;` yet.
#
# Environment: FERRY_BUILDDIR, FERRY_SRCDIR (set by make check); optional
# FERRYC (the program to test), FERRY_CONFORMANCE_MODULES (an existing
# node_modules directory holding test262-parser-tests and acorn: no npm),
# FERRY_CONFORMANCE_VERBOSE=1 (list every unexpected case, not the first 40).
set -u

T262_VERSION=0.0.5
ACORN_VERSION=8.19.0

builddir=${FERRY_BUILDDIR:-.}
srcdir=${FERRY_SRCDIR:-.}
ferryc=${FERRYC:-$builddir/ferryc}
oracle=$builddir/tests/conformance_duk
exceptions=$srcdir/tests/data/conformance-exceptions.txt
cache=$builddir/tests/cache/conformance
work=$builddir/tests/conformance.d

skip() { echo "SKIP: $*"; exit 77; }
die() { echo "ERROR: $*"; exit 99; }
. "$srcdir/tests/npm_pinned.sh"

[ -x "$ferryc" ] || skip "ferryc not built ($ferryc)"
[ -x "$oracle" ] || die "the Duktape oracle is not built ($oracle)"
[ -f "$exceptions" ] || die "missing $exceptions"
rm -rf "$work"
mkdir -p "$work" || die "cannot create $work"

# ferryc must at least parse a trivial program; until the parser exists the
# whole corpus would only measure its absence.
printf 'var a = 1;\n' > "$work/probe.js"
if ! "$ferryc" --check "$work/probe.js" > "$work/probe.out" 2>&1; then
	skip "ferryc --check rejects 'var a = 1;' ($(head -n 1 "$work/probe.out")): parser not ready"
fi

# ---- the corpus and acorn, from the npm registry (cached) ----
if [ -n "${FERRY_CONFORMANCE_MODULES:-}" ]; then
	modules=$FERRY_CONFORMANCE_MODULES
else
	modules=$cache/node_modules
	npm_pinned "$cache" "$work" 600 "test262-parser-tests@$T262_VERSION" "acorn@$ACORN_VERSION"
fi
corpus=$modules/test262-parser-tests
[ -d "$corpus/pass" ] && [ -d "$corpus/fail" ] && [ -d "$corpus/early" ] || die "no corpus in $corpus"
command -v node > /dev/null 2>&1 || skip "node not found (Debian package nodejs)"

# ---- the cases and the two oracles ----
for d in pass fail early; do
	ls "$corpus/$d" | sed -n "s|^\(.*\.js\)\$|$corpus/$d/\1|p"
done > "$work/all.txt"
grep -v '\.module\.js$' "$work/all.txt" > "$work/cases.txt"
nmodule=$(grep -c '\.module\.js$' "$work/all.txt")
grep "/pass/[^/]*\$" "$work/cases.txt" > "$work/pass.txt"
"$oracle" < "$work/pass.txt" > "$work/duk.txt" || die "the Duktape oracle failed"
node "$srcdir/tests/conformance-es5.js" "$modules" < "$work/pass.txt" > "$work/es5.txt" ||
	die "the acorn oracle failed"

# ---- ferryc on every case ----
# two workers (this is a 2-core machine); each result line is one short
# write to the pipe, so lines never interleave
tr '\n' '\0' < "$work/cases.txt" |
xargs -0 -n 64 -P 2 sh -c '
	ferryc=$1; shift
	nl="
"
	for f; do
		out=$(timeout 30 "$ferryc" --check "$f" 2>&1 < /dev/null)
		rc=$?
		printf "%s\t%s\t%s\n" "$f" "$rc" "${out%%"$nl"*}"
	done' sh "$ferryc" | sort > "$work/results.txt"
[ "$(wc -l < "$work/results.txt")" -eq "$(wc -l < "$work/cases.txt")" ] ||
	die "ferryc results missing: $(wc -l < "$work/results.txt") of $(wc -l < "$work/cases.txt")"

# ---- verdicts ----
awk -F '\t' -v corpus="$corpus/" -v nmodule="$nmodule" -v report="$work/report.txt" \
    -v verbose="${FERRY_CONFORMANCE_VERBOSE:-0}" '
function rel(p) { return substr(p, 1, length(corpus)) == corpus ? substr(p, length(corpus) + 1) : p }
FILENAME == ARGV[1] { duk[rel($2)] = $1; next }
FILENAME == ARGV[2] { es5[rel($2)] = $1; next }
FILENAME == ARGV[3] {
	if ($0 ~ /^[ \t]*(#|$)/) next
	n = split($0, w, /[ \t]+/)
	if (n < 3 || w[2] !~ /^(bug:)?(accept|reject|reject-es2015|accept-or-es2015|any)$/) {
		printf "ERROR: %s:%d: want CASE [bug:]EXPECTATION REASON, EXPECTATION one of accept reject reject-es2015 accept-or-es2015 any\n", ARGV[3], FNR
		bad_exc = 1; next
	}
	exc[w[1]] = w[2]; excline[w[1]] = FNR; next
}
{
	c = rel($1); rc = $2 + 0; msg = $3; dir = c; sub(/\/.*/, "", dir)
	seen[c] = 1
	if (dir == "pass") {
		cls = (es5[c] == "es5") ? (duk[c] == "ok" ? "es5" : "es5-duk-rejects") \
		                        : (duk[c] == "ok" ? "es2015-duk-accepts" : "es2015")
		want = (cls == "es2015") ? "reject-es2015" : (cls == "es2015-duk-accepts" ? "accept-or-es2015" : "accept")
	} else {
		cls = dir; want = "reject"
	}
	bug = 0
	if (c in exc) {
		want = exc[c]; cls = cls " (exception)"
		if (want ~ /^bug:/) { bug = 1; want = substr(want, 5) }
	}
	crash = rc >= 124
	wellformed = msg ~ /^[^\t]*:[0-9]+:[0-9]+: ./
	es2015 = wellformed && msg ~ /is ES2015 syntax/
	if (crash) ok = 0
	else if (want == "accept") ok = rc == 0
	else if (want == "reject") ok = rc != 0 && wellformed
	else if (want == "reject-es2015") ok = rc != 0 && es2015
	else if (want == "accept-or-es2015") ok = rc == 0 || (rc != 0 && es2015)
	else ok = rc == 0 || wellformed
	total[cls]++; if (ok) good[cls]++
	if (ok && bug) {
		printf "  FIXED %s: now as expected (%s); drop \"bug:\" at %s:%d\n", c, want, ARGV[3], excline[c]
		nfixed++
	}
	if (ok) npass++
	else if (bug) {
		nbug++
		print "  known bug " c " [" cls ", want " want "]" > report
	} else {
		nfail++
		why = crash ? (rc == 124 ? "hung (killed after 30 s)" : "crashed (status " rc ")") \
		            : (rc == 0 ? "accepted" : "rejected: " msg)
		line = sprintf("  %s [%s, want %s]: %s", c, cls, want, why)
		print line > report
		if (verbose || nfail <= 40) print line
	}
}
END {
	for (c in exc) if (!(c in seen)) {
		printf "ERROR: %s:%d: %s is not a case of this corpus\n", ARGV[3], excline[c], c
		bad_exc = 1
	}
	if (nfail > 40 && !verbose) printf "  ... %d more in %s\n", nfail - 40, report
	print "conformance by class (as expected / cases):"
	split("es5 es2015 es2015-duk-accepts es5-duk-rejects fail early", order, " ")
	for (i = 1; i <= 6; i++) {
		k = order[i]
		if (k in total) printf "  %-32s %5d / %d\n", k, good[k], total[k]
		if ((k " (exception)") in total)
			printf "  %-32s %5d / %d\n", k " (exception)", good[k " (exception)"], total[k " (exception)"]
	}
	printf "  %-32s %5d (skipped: module goal)\n", "*.module.js", nmodule
	if (nbug > 0)
		printf "known parser bugs (bug: lines of the exceptions file, reported in the parser bug list): %d still failing, %d fixed\n", nbug, nfixed
	printf "conformance: %d passed, %d failed, %d skipped\n", npass, nfail, nmodule + nbug
	exit (nfail > 0 || bad_exc) ? 1 : 0
}' "$work/duk.txt" "$work/es5.txt" "$exceptions" "$work/results.txt"
