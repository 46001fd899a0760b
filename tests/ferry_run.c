/*
 * tests/ferry_run.c -- TEST host for the runtime: builds a ferry_program at
 * run time from a JavaScript file (instrumented = 0, no sites, no makers)
 * and hands the remaining arguments to ferry_main, so the event loop,
 * console, timers and options can be tested before (and without) ferryc.
 *
 *   ferry_run FILE.js [device options] [-- program arguments]
 *
 * The program hash is the SHA-256 of the file's bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "runtime/ferry.h"

int main(int argc, char **argv)
{
	ferry_program prog;
	unsigned char *code = NULL;
	size_t len = 0, cap = 0, n;
	FILE *f;
	int rc;

	if (argc < 2) {
		fprintf(stderr, "usage: ferry_run FILE.js [options] [-- args]\n");
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	for (;;) {
		if (len == cap) {
			unsigned char *p;
			cap = cap ? cap * 2 : 65536;
			p = realloc(code, cap);
			if (!p) {
				fprintf(stderr, "ferry_run: out of memory\n");
				free(code);
				fclose(f);
				return 2;
			}
			code = p;
		}
		n = fread(code + len, 1, cap - len, f);
		if (n == 0)
			break;
		len += n;
	}
	fclose(f);

	memset(&prog, 0, sizeof prog);
	prog.abi = FERRY_ABI_VERSION;
	prog.filename = argv[1];
	prog.instrumented = 0;
	prog.prefix = "$F";
	prog.code = code;
	prog.code_len = len;
	crypto_hash_sha256(prog.hash, code, len);

	argv[1] = argv[0];
	rc = ferry_main(&prog, argc - 1, argv + 1);
	free(code);
	return rc;
}
