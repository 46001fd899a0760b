#!/bin/sh
# tests/thirdparty.sh -- semantics and migration on code we did not write:
# well-known pure-ES5 npm packages (pinned), installed at test time from the
# npm registry into a cache under the build tree (never committed), each
# concatenated in front of a driver of ours (tests/data/thirdparty/NAME.js)
# that exercises the library broadly over several event-loop turns.
#
# A driver names its library in its header:
#   // package: NAME@VERSION PATH-IN-node_modules [PATH...]
#                                   (one program per PATH, e.g. the library and
#                                   its minified build: NAME, NAME.2, ...; a
#                                   PATH A+B concatenates two files)
#   // also: NAME@VERSION           (optional: another package to install)
#   // prelude: CODE                (optional, one line put before the library,
#                                   e.g. `var self = this;` for libraries that
#                                   look for a browser global object)
#   // may-refuse: EXTENDED-REGEX   (optional: a snapshot refusal that is
#                                   correct by design, e.g. new Function code)
#   // may-refuse-all: EXTENDED-REGEX (the same, for a library whose own load
#                                   makes such code reachable from a global:
#                                   every snapshot point may be refused)
# For every driver:
#   1. `ferryc --plain` and `ferryc` both build it, and both runs give the
#      same stdout, stderr and exit status (and stderr is empty);
#   2. for every turn k (or a sample of them when there are many turns, as
#      counted by --stats): --snapshot-after-turns k, then --resume: output
#      before + output after == the uninterrupted output, same exit status.
#      A refusal is accepted only when it matches may-refuse, is one line on
#      stderr, and the refusing process still prints the whole output; at
#      least one k must migrate (unless may-refuse-all; then 3. and 4. need
#      a k that migrated);
#   3. the snapshot of a middle turn converted to msgpack (`ferry convert`)
#      resumes to the same output;
#   4. a chain of (at most 4) hops of one turn each (resume, one turn,
#      snapshot, ...) gives the same output.
# A second build of the same driver (NAME.2: a minified library) is there
# for the instrumentation: it gets 1., and 2. at two points only.
# Two programs are checked at a time, each by `thirdparty.sh --one`.
# Exit: 0 all as expected, 1 otherwise, 77 (SKIP) when npm or the registry is
# unavailable. Environment: FERRY_BUILDDIR, FERRY_SRCDIR (set by make check);
# optional FERRYC, FERRY_THIRDPARTY_MODULES (an existing node_modules holding
# the pinned packages: no npm), FERRY_THIRDPARTY_ONLY="name1 name2",
# FERRY_THIRDPARTY_KEEP=1 (keep the work directory).
set -u

builddir=${FERRY_BUILDDIR:-.}
srcdir=${FERRY_SRCDIR:-.}
ferryc=${FERRYC:-$builddir/ferryc}
ferry=$builddir/wire/ferry
data=$srcdir/tests/data/thirdparty
cache=$builddir/tests/cache/thirdparty
work=$builddir/tests/thirdparty.d

skip() { echo "SKIP: $*"; exit 77; }
die() { echo "ERROR: $*"; exit 99; }
. "$srcdir/tests/npm_pinned.sh"
. "$srcdir/tests/proc_lib.sh"   # run

[ -x "$ferryc" ] || skip "ferryc not built ($ferryc)"
[ -x "$ferry" ] || skip "ferry not built ($ferry)"
[ -f "$builddir/runtime/libferry.a" ] || skip "libferry not built"
[ -d "$data" ] || die "missing $data"
case $builddir in /*) ;; *) builddir=$(cd "$builddir" && pwd) ;; esac
case $work in /*) ;; *) work=$(pwd)/$work ;; esac
case $ferryc in /*) ;; *) ferryc=$(pwd)/$ferryc ;; esac
case $ferry in /*) ;; *) ferry=$(pwd)/$ferry ;; esac
if [ "${1:-}" != --one ]; then
rm -rf "$work"
mkdir -p "$work" || die "cannot create $work"

# ---- the packages, from the npm registry (cached) ----
sed -n -e 's|^// package: *\([^ ]*\).*|\1|p' -e 's|^// also: *\([^ ]*\).*|\1|p' "$data"/*.js | sort -u > "$work/packages.txt"
[ -s "$work/packages.txt" ] || die "no '// package:' line in $data/*.js"
# one version per package: npm installs one of two, and a driver would run
# against the other's (and every run would reinstall)
twice=$(sed 's|@[^@]*$||' "$work/packages.txt" | uniq -d)
[ -z "$twice" ] || die "pinned at two versions by the drivers: $(echo $twice) ($(grep -l -E "^// (package|also): *($(echo $twice | tr ' ' '|'))@" "$data"/*.js | xargs -n 1 basename | tr '\n' ' '))"
if [ -n "${FERRY_THIRDPARTY_MODULES:-}" ]; then
	modules=$FERRY_THIRDPARTY_MODULES
else
	modules=$cache/node_modules
	# shellcheck disable=SC2046
	npm_pinned "$cache" "$work" 300 $(cat "$work/packages.txt")
fi

fi   # not --one

fails=0
nprog=0
nsnap=0
nhops=0
nrefused=0
bad() { echo "FAIL $*"; fails=$((fails + 1)); }


# a refusal that is correct by design: matches may-refuse, one stderr line,
# and the process went on to print the whole output
refused_ok() {   # prefix
	[ -n "$refuse" ] && [ "$(wc -l < "$1.err")" -eq 1 ] &&
		grep -Eq "snapshot failed: .*($refuse)" "$1.err" &&
		cmp -s "$1.out" full.out && [ "$(cat "$1.rc")" = "$(cat full.rc)" ]
}

check_program() {   # driver.js name library-path
	drv=$1
	name=$2
	pkg="$(sed -n 's|^// package: *\([^ ]*\) .*|\1|p' "$drv" | head -n 1) $3"
	refuse=$(sed -n 's|^// may-refuse: *||p' "$drv" | head -n 1)
	refuseall=$(sed -n 's|^// may-refuse-all: *||p' "$drv" | head -n 1)
	[ -z "$refuseall" ] || refuse=$refuseall
	libs=""
	for f in $(echo "$3" | tr '+' ' '); do
		[ -f "$modules/$f" ] || { bad "$name: library file $modules/$f missing"; return; }
		libs="$libs $modules/$f"
	done
	d=$work/$name
	mkdir -p "$d"
	cd "$d" || return
	{ sed -n 's|^// prelude: *||p' "$drv"; for f in $libs; do cat "$f"; echo; done; cat "$drv"; } > "$name.js"
	nprog=$((nprog + 1))

	# 1. plain == instrumented
	if ! "$ferryc" --plain "$name.js" -o p --runtime-dir "$builddir" > build.log 2>&1; then
		bad "$name (${pkg% *}): plain build"; sed 's/^/  /' build.log | head -5; return
	fi
	if ! "$ferryc" "$name.js" -o i --runtime-dir "$builddir" > build.log 2>&1; then
		bad "$name (${pkg% *}): instrumented build"; sed 's/^/  /' build.log | head -5; return
	fi
	app=$d/i/$name
	run "p/$name" plain
	run "$app" full
	for x in out err rc; do
		if ! cmp -s plain.$x full.$x; then
			bad "$name: instrumented $x differs from plain"
			diff plain.$x full.$x | head -n 10 | sed 's/^/  /'
			return
		fi
	done
	if [ -s full.err ] || [ ! -s full.out ]; then
		bad "$name: the program itself fails (stderr: $(head -n 1 full.err))"; return
	fi
	echo "ok $name (${pkg% *}): plain and instrumented agree ($(wc -l < full.out) lines, exit $(cat full.rc))"

	# 2. snapshot after turn k, resume: every k when the program has at most
	#    5 turns, else the first 2, about 3 in between and the end (a
	#    variant: after turn 1 and half way)
	timeout 60 "$app" --stats > /dev/null 2> stats.err < /dev/null
	turns=$(sed -n 's/.*ferry-stats:.* turns=\([0-9]*\).*/\1/p' stats.err)
	[ -n "$turns" ] || { bad "$name: no turn count from --stats: $(head -n 1 stats.err)"; return; }
	case $name in
	*.*)	ks=$( { echo 1; echo $((turns / 2)); } | sort -n -u); maxhops=0 ;;
	*)	maxhops=4
		if [ "$turns" -le 5 ]; then
			ks=$(seq 0 $((turns + 1)))
		else
			ks=$( { seq 0 1; seq 2 $(( (turns - 2) / 3 + 1 )) "$turns"; echo $((turns + 1)); } | sort -n -u)
		fi ;;
	esac
	migrated=0; ref=0; nk=0; lastref=-1
	for k in $ks; do
		nk=$((nk + 1))
		rm -f s.json
		run "$app" a --snapshot-after-turns $k --snapshot-to s.json
		if [ ! -f s.json ]; then
			if [ -s a.err ] && refused_ok a; then
				ref=$((ref + 1)); lastref=$k; continue
			fi
			if [ $k -lt "$turns" ] || [ -s a.err ] || ! cmp -s a.out full.out || ! cmp -s a.rc full.rc; then
				bad "$name: no snapshot after $k of $turns turns: $(head -n 1 a.err)"; return
			fi
			continue   # the program ended first: this run was the whole run
		fi
		run "$app" b --resume s.json
		cat a.out b.out > ab.out
		if [ "$(cat a.rc)" != 0 ] || [ -s a.err ] || ! cmp -s b.rc full.rc || ! cmp -s ab.out full.out; then
			bad "$name: snapshot after $k turns, resumed (status $(cat a.rc)/$(cat b.rc))"
			head -n 3 a.err b.err | sed 's/^/  /'
			diff full.out ab.out | head -n 10 | sed 's/^/  /'
			return
		fi
		mv s.json "k$k.json"; cp a.out "a$k.out"
		migrated=$((migrated + 1))
	done
	nsnap=$((nsnap + migrated)); nrefused=$((nrefused + ref))
	if [ $migrated = 0 ] && [ -n "$refuseall" ] && [ $ref -gt 0 ]; then
		echo "ok $name: $nk snapshot points over its $turns turns: $ref refused by design (may-refuse-all), the program ran on"
		return
	fi
	if [ $migrated = 0 ]; then
		bad "$name: no turn could be migrated ($ref refused)"; return
	fi
	echo "ok $name: $nk snapshot points over its $turns turns: $migrated migrated and resumed, $ref refused by design"

	# 3. msgpack: the middle snapshot that migrated
	case $name in *.*) ;; *)
	set -- $(ls k[0-9]*.json | sort -k 1.2n)
	shift $(($# / 2))
	mid=$1; mk=${mid#k}; mk=${mk%.json}
	rm -f m.msgpack
	if ! "$ferry" convert "$mid" m.msgpack > conv.log 2>&1; then
		bad "$name: ferry convert $mid: $(head -n 1 conv.log)"; return
	fi
	run "$app" mpb --resume m.msgpack
	cat "a$mk.out" mpb.out > mp.out
	if ! cmp -s mp.out full.out || ! cmp -s mpb.rc full.rc || [ -s mpb.err ]; then
		bad "$name: resumed from msgpack after $mk turns"
		head -n 3 mpb.err | sed 's/^/  /'; diff full.out mp.out | head -n 10 | sed 's/^/  /'
		return
	fi
	echo "ok $name: msgpack snapshot after $mk turns ($(wc -c < m.msgpack) bytes, JSON $(wc -c < "$mid")) resumed"
	esac

	# 4. hops of one turn each, from the first turn that migrates after the
	#    last refusal (else from the first that migrates)
	[ $maxhops = 0 ] && return
	set -- $(ls k[0-9]*.json | sort -k 1.2n)
	first=${1#k}; first=${first%.json}
	for f; do
		f=${f#k}; f=${f%.json}
		if [ "$f" -gt $lastref ]; then first=$f; break; fi
	done
	run "$app" h0 --snapshot-after-turns "$first" --snapshot-to h0.json
	cat h0.out > hops.out
	i=1
	while [ -f h$((i - 1)).json ] && [ $i -le $maxhops ]; do
		run "$app" h$i --resume h$((i - 1)).json --snapshot-after-turns 1 --snapshot-to h$i.json
		cat h$i.out >> hops.out
		if [ -s h$i.err ] && ! grep -Eq "snapshot failed: .*(${refuse:-^$})" h$i.err; then
			bad "$name: hop $i: $(head -n 1 h$i.err)"; return
		fi
		i=$((i + 1))
	done
	last=$((i - 1))
	if [ -f h$last.json ]; then   # $maxhops hops done: the last one runs to the end
		last=$i
		run "$app" h$last --resume h$((last - 1)).json
		cat h$last.out >> hops.out
	fi
	if ! cmp -s hops.out full.out || ! cmp -s h$last.rc full.rc; then
		bad "$name: $last hops: output differs (status $(cat h$last.rc))"
		diff full.out hops.out | head -n 10 | sed 's/^/  /'
		return
	fi
	nhops=$((nhops + last))
	echo "ok $name: $last hops (one turn each) from turn $first, output unchanged"
}

# a worker (see below): one program, its counts in $work/NAME.counts
if [ "${1:-}" = --one ]; then
	modules=$FERRY_THIRDPARTY_MODULES
	check_program "$2" "$3" "$4" > "$work/$3.log" 2>&1
	echo "$nprog $nsnap $nrefused $nhops $fails" > "$work/$3.counts"
	exit 0
fi

# ---- every program, two at a time (a 2-core machine) ----
for drv in "$data"/*.js; do
	name=$(basename "$drv" .js)
	if [ -n "${FERRY_THIRDPARTY_ONLY:-}" ]; then
		case " $FERRY_THIRDPARTY_ONLY " in *" $name "*) ;; *) continue ;; esac
	fi
	n=0
	for path in $(sed -n 's|^// package: *[^ ]* *||p' "$drv" | head -n 1); do
		n=$((n + 1))
		if [ $n = 1 ]; then prog=$name; else prog=$name.$n; fi
		printf '%s\n%s\n%s\n' "$drv" "$prog" "$path"
	done
done > "$work/programs.txt"
export FERRY_BUILDDIR="$builddir" FERRY_SRCDIR="$srcdir" FERRYC="$ferryc" FERRY_THIRDPARTY_MODULES="$modules"
tr '\n' '\0' < "$work/programs.txt" | xargs -0 -n 3 -P 2 sh "$0" --one
for c in $(sed -n '2~3p' "$work/programs.txt"); do
	cat "$work/$c.log" 2>/dev/null
	if [ -f "$work/$c.counts" ]; then
		read -r a b e f g < "$work/$c.counts"
		nprog=$((nprog + a)); nsnap=$((nsnap + b)); nrefused=$((nrefused + e)); nhops=$((nhops + f)); fails=$((fails + g))
	else
		bad "$c: the worker died"
	fi
done
npkg=$(wc -l < "$work/packages.txt")
[ "${FERRY_THIRDPARTY_KEEP:-0}" = 1 ] || rm -rf "$work"
echo "thirdparty: $nprog programs ($npkg packages), $nsnap snapshot points migrated, $nrefused refused by design, $nhops hops; $fails failed"
[ $fails = 0 ]
