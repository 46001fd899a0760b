#!/bin/sh
# fuzz/build.sh SRCDIR OUTDIR -- builds the libFuzzer targets (fuzz_json,
# fuzz_msgpack, fuzz_frame) and the seed writer (mkseeds) into OUTDIR with
# clang -fsanitize=fuzzer,address,undefined, straight from the wire/
# sources (the normal build uses gcc without sanitizers, so libferry.a is
# not reused). Exit 77 when clang or its libFuzzer runtime is missing.
set -eu
src=${1:?usage: build.sh SRCDIR OUTDIR}
out=${2:?usage: build.sh SRCDIR OUTDIR}
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
: >"$out/obj/config.h"

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
