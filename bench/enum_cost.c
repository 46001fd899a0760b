/*
 * bench/enum_cost.c -- what listing an object's own keys costs through
 * Duktape's public API, for bench/snapshot_profile.sh (issue 5: can the
 * snapshot walk enumerate more cheaply?).
 *
 * Builds snapshot_bench's data graph (N records) plus an array of all its
 * objects, then lists every object's own keys one way, in a function of its
 * own so that callgrind can count it alone (--toggle-collect=ec_list):
 *
 *   enum_cost enum N      duk_enum + duk_next, all keys (the walker's way)
 *   enum_cost ownkeys N   Reflect.ownKeys (visible keys only), read back
 *   enum_cost both N      Reflect.ownKeys, and duk_enum without strings
 *                         for the hidden keys the walker needs
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <duktape.h>

#define EC_OWN (DUK_ENUM_OWN_PROPERTIES_ONLY | DUK_ENUM_INCLUDE_NONENUMERABLE | \
                DUK_ENUM_INCLUDE_SYMBOLS | DUK_ENUM_INCLUDE_HIDDEN | DUK_ENUM_NO_PROXY_BEHAVIOR)

static const char graph_js[] =
	"(function (n) {\n"
	"  var shared = ['sensor', 'room', 'floor'];\n"
	"  var data = { name: 'site', records: [], index: {} };\n"
	"  var all = [data, data.records, data.index, shared];\n"
	"  for (var i = 0; i < n; i++) {\n"
	"    var r = { id: i, label: 'reading-' + i, value: i * 1.25, ok: i % 3 !== 0,\n"
	"              tags: i % 2 ? shared : ['t' + i, 'x'], pos: { x: i % 17, y: -i, z: 0.5 } };\n"
	"    data.records.push(r);\n"
	"    all.push(r, r.pos);\n"
	"    if (!(i % 2)) all.push(r.tags);\n"
	"    if (i % 10 === 0) data.index['k' + i] = i;\n"
	"  }\n"
	"  return all;\n"
	"})";

static size_t keys_seen;

static void count_key(duk_context *ctx)
{
	duk_size_t n;
	(void)duk_get_lstring(ctx, -1, &n);
	keys_seen++;
}

/* list the own keys of every object of the array at `all`; [ownKeys] at ok */
__attribute__((noinline)) void ec_list(duk_context *ctx, int mode, duk_idx_t all, duk_idx_t ok);
__attribute__((noinline)) void ec_list(duk_context *ctx, int mode, duk_idx_t all, duk_idx_t ok)
{
	duk_size_t n = duk_get_length(ctx, all), i, j, k;

	for (i = 0; i < n; i++) {
		duk_get_prop_index(ctx, all, (duk_uarridx_t)i);
		if (mode == 0 || mode == 2) {
			duk_enum(ctx, -1, mode == 0 ? EC_OWN : EC_OWN | DUK_ENUM_EXCLUDE_STRINGS);
			while (duk_next(ctx, -1, 0)) {
				count_key(ctx);
				duk_pop(ctx);
			}
			duk_pop(ctx);
		}
		if (mode == 1 || mode == 2) {
			duk_dup(ctx, ok);
			duk_dup(ctx, -2);
			duk_call(ctx, 1);
			k = duk_get_length(ctx, -1);
			for (j = 0; j < k; j++) {
				duk_get_prop_index(ctx, -1, (duk_uarridx_t)j);
				count_key(ctx);
				duk_pop(ctx);
			}
			duk_pop(ctx);
		}
		duk_pop(ctx);
	}
}

int main(int argc, char **argv)
{
	static const char *const modes[] = { "enum", "ownkeys", "both" };
	duk_context *ctx;
	int mode = -1, i;
	long n;

	for (i = 0; argc == 3 && i < 3; i++)
		if (!strcmp(argv[1], modes[i]))
			mode = i;
	n = argc == 3 ? atol(argv[2]) : 0;
	if (mode < 0 || n <= 0) {
		fprintf(stderr, "usage: enum_cost enum|ownkeys|both RECORDS\n");
		return 2;
	}
	ctx = duk_create_heap_default();
	if (!ctx || duk_peval_string(ctx, graph_js) != 0)
		return 2;
	duk_push_number(ctx, (double)n);
	if (duk_pcall(ctx, 1) != 0 || duk_peval_string(ctx, "Reflect.ownKeys") != 0) {
		fprintf(stderr, "enum_cost: %s\n", duk_safe_to_string(ctx, -1));
		return 2;
	}
	ec_list(ctx, mode, 0, 1);
	printf("objects %lu keys %zu\n", (unsigned long)duk_get_length(ctx, 0), keys_seen);
	duk_destroy_heap(ctx);
	return 0;
}
