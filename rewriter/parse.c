/*
 * rewriter/parse.c -- the ES5.1 recursive-descent parser (placeholder until
 * the full parser lands).
 */
#include <config.h>

#include <stdio.h>

#include "rewriter/ast_impl.h"

int
rw_parse(const char *filename, const char *src, size_t len, unsigned flags,
         rw_ast **out, char *err, size_t errlen)
{
	(void)src; (void)len; (void)flags;
	*out = NULL;
	snprintf(err, errlen, "%s:1:1: parser not implemented yet", filename);
	return -1;
}
