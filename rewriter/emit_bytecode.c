/*
 * rewriter/emit_bytecode.c -- the program embedded as Duktape bytecode.
 * Measured with bench/instrument_startup (see bench/results.md): loading
 * duk_dump_function() output is 6-95x faster than compiling the source at
 * start, so ferryc embeds bytecode by default. The bytecode is made here, by
 * the same Debian libduktape the device executable links, and is only ever
 * loaded from the executable itself (never from a snapshot). A cross build
 * (--cc) or FERRY_EMBED=source embeds source text, as does a program that
 * Duktape refuses to compile (the device then reports the error at start,
 * exactly as a source build would; build.c warns of it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <duktape.h>

#include "rewriter/instrument.h"

typedef struct bc_args {
	const char *filename, *code;
	size_t len;
} bc_args;

static duk_ret_t bc_compile(duk_context *ctx, void *udata)
{
	bc_args *a = udata;

	duk_push_string(ctx, a->filename);
	duk_compile_lstring_filename(ctx, 0, a->code, a->len);
	duk_dump_function(ctx);
	return 1;
}

int rw_bytecode(const char *filename, const char *code, size_t len,
                unsigned char **out, size_t *outlen, char *err, size_t errlen)
{
	duk_context *ctx = duk_create_heap_default();
	bc_args a;
	void *p;
	duk_size_t n = 0;
	int rc = -1;

	*out = NULL;
	*outlen = 0;
	if (!ctx) {
		snprintf(err, errlen, "cannot create a Duktape heap");
		return -1;
	}
	a.filename = filename;
	a.code = code;
	a.len = len;
	if (duk_safe_call(ctx, bc_compile, &a, 0, 1) != DUK_EXEC_SUCCESS) {
		snprintf(err, errlen, "%s: %s", filename, duk_safe_to_string(ctx, -1));
		goto out;
	}
	p = duk_get_buffer_data(ctx, -1, &n);
	*out = malloc(n ? n : 1);
	if (!*out) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	if (n)
		memcpy(*out, p, n);
	*outlen = n;
	rc = 0;
out:
	duk_destroy_heap(ctx);
	return rc;
}
