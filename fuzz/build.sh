#!/bin/sh
# fuzz/build.sh SRCDIR OUTDIR [BUILDDIR] -- builds the libFuzzer targets
# into OUTDIR with clang -fsanitize=fuzzer,address,undefined, straight from
# the sources (the normal build uses gcc without sanitizers, so libferry.a
# is not reused):
#   fuzz_json, fuzz_msgpack, fuzz_frame: the wire/ decoders;
#   fuzz_front: ferryc's front end (lexer/ and rewriter/: parse, scopes,
#     instrument, emit), Duktape the system library as its oracle;
#   fuzz_restore (only with BUILDDIR, a configured build tree holding
#     ferryc): hostile snapshots restored into a device heap, the whole
#     runtime/ and wire/ instrumented, Duktape the system library; the
#     program is fuzz/restore_prog.js, its restore table generated here
#     with `ferryc --emit-only`;
# and the seed writer (mkseeds). Exit 77 when clang or its libFuzzer
# runtime is missing.
set -eu
src=${1:?usage: build.sh SRCDIR OUTDIR [BUILDDIR]}
out=${2:?usage: build.sh SRCDIR OUTDIR [BUILDDIR]}
bld=${3:-}
cc=${CLANG:-clang}
mkdir -p "$out/obj"

command -v "$cc" >/dev/null 2>&1 || { echo "fuzz: $cc not found (Debian package clang)"; exit 77; }
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { return d && n > 99; }\n' >"$out/obj/probe.c"
if ! "$cc" -fsanitize=fuzzer,address,undefined "$out/obj/probe.c" -o "$out/obj/probe" >/dev/null 2>&1; then
	echo "fuzz: $cc cannot link with -fsanitize=fuzzer (libFuzzer missing)"; exit 77
fi

# the Ragel scanner: generate it (or take the shipped one)
if command -v ragel >/dev/null 2>&1; then
	ragel -C -G2 -o "$out/obj/json_scan.c" "$src/wire/json_scan.rl"
else
	cp "$src/wire/json_scan.c" "$out/obj/json_scan.c"
fi
printf '#define PACKAGE_VERSION "fuzz"\n' >"$out/obj/config.h"

flags="-g -O1 -std=gnu99 -fno-omit-frame-pointer -fno-sanitize-recover=undefined -I$out/obj -I$src"
flags="$flags $(pkg-config --cflags msgpack libsodium)"
libs="$(pkg-config --libs msgpack libsodium) -lm"
objs=
for f in model buf validate json_write json_read detect file msgpack_read msgpack_write xfer_frame; do
	"$cc" $flags -fsanitize=fuzzer-no-link,address,undefined -c "$src/wire/$f.c" -o "$out/obj/$f.o"
	objs="$objs $out/obj/$f.o"
done
"$cc" $flags -fsanitize=fuzzer-no-link,address,undefined -Wno-implicit-fallthrough \
	-c "$out/obj/json_scan.c" -o "$out/obj/json_scan.o"
objs="$objs $out/obj/json_scan.o"
for t in json msgpack frame; do
	"$cc" $flags -fsanitize=fuzzer,address,undefined "$src/fuzz/fuzz_$t.c" $objs $libs -o "$out/fuzz_$t"
done
"$cc" $flags -fsanitize=address,undefined "$src/fuzz/mkseeds.c" $objs $libs -o "$out/mkseeds"
echo "fuzz: built $out/fuzz_json $out/fuzz_msgpack $out/fuzz_frame"

# fuzz_front: the lexer (re2c and Ragel output generated here, or the shipped
# files) and the rewriter, without ferryc.c (fuzz_front.c includes build.c)
dflags="$(pkg-config --cflags duktape)"
dlibs="$(pkg-config --libs duktape)"
if command -v re2c >/dev/null 2>&1; then
	re2c -8 --case-ranges -W --no-generation-date --no-version -o "$out/obj/js_lex.c" "$src/lexer/js_lex.re"
else
	cp "$src/lexer/js_lex.c" "$out/obj/js_lex.c"
fi
if command -v ragel >/dev/null 2>&1; then
	ragel -C -G2 -o "$out/obj/line_scan.c" "$src/lexer/line_scan.rl"
else
	cp "$src/lexer/line_scan.c" "$out/obj/line_scan.c"
fi
fobjs=
for f in lexer/lexer lexer/lx_text lexer/lx_escape lexer/lx_number lexer/lx_cooked \
	"$out/obj/js_lex" "$out/obj/line_scan" \
	rewriter/ast rewriter/parse rewriter/parse_expr rewriter/print rewriter/scope \
	rewriter/scope_post rewriter/scope_dump rewriter/instrument rewriter/instrument_edit \
	rewriter/instrument_maker rewriter/emit_out rewriter/emit_c rewriter/emit_bytecode; do
	case $f in /*) c=$f.c ;; *) c=$src/$f.c ;; esac
	o="$out/obj/fr_$(basename "$f").o"
	"$cc" $flags $dflags -Wno-implicit-fallthrough -fsanitize=fuzzer-no-link,address,undefined \
		-c "$c" -o "$o"
	fobjs="$fobjs $o"
done
"$cc" $flags $dflags -fsanitize=fuzzer,address,undefined "$src/fuzz/fuzz_front.c" $fobjs \
	$dlibs $libs -o "$out/fuzz_front"
echo "fuzz: built $out/fuzz_front"
[ -n "$bld" ] || exit 0

# fuzz_restore: the rest of libferry, and the program's restore table
# (app_restore.c defines ferry_app, and main() unless FERRY_NO_MAIN: the
# glue includes it without main and hands the table over)
for f in xfer_io xfer_proto; do
	"$cc" $flags -fsanitize=fuzzer-no-link,address,undefined -c "$src/wire/$f.c" -o "$out/obj/$f.o"
	objs="$objs $out/obj/$f.o"
done
for f in main heap alloc loop timers console inspect process trigger snapfile \
	snap_map builtins snap_install snap_walk snap_roots snap_path restore restore_shell xfer; do
	"$cc" $flags $dflags -fsanitize=fuzzer-no-link,address,undefined -c "$src/runtime/$f.c" \
		-o "$out/obj/rt_$f.o"
	objs="$objs $out/obj/rt_$f.o"
done
mkdir -p "$out/prog"
cp "$src/fuzz/restore_prog.js" "$out/prog/"
FERRY_RUNTIME_DIR="$bld" "$bld/ferryc" --emit-only "$out/prog/restore_prog.js" -o "$out/prog"
printf '%s\n' '#define FERRY_NO_MAIN 1' '#include "restore_prog_restore.c"' \
	'const ferry_program *const fz_program = &ferry_app;' >"$out/obj/fz_prog.c"
"$cc" $flags $dflags -I"$src/runtime" -I"$out/prog" -fsanitize=fuzzer-no-link,address,undefined \
	-c "$out/obj/fz_prog.c" -o "$out/obj/fz_prog.o"
"$cc" $flags $dflags -fsanitize=fuzzer,address,undefined "$src/fuzz/fuzz_restore.c" \
	"$out/obj/fz_prog.o" $objs $dlibs $libs -o "$out/fuzz_restore"
echo "fuzz: built $out/fuzz_restore"
