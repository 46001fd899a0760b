/*
 * rewriter/print.c -- re-emits an AST as ES5 source text (placeholder).
 */
#include <config.h>

#include "rewriter/rewriter.h"

int
rw_print_node(const rw_ast *ast, const rw_node *n, FILE *out)
{
	(void)ast; (void)n; (void)out;
	return -1;
}

int
rw_print(const rw_ast *ast, FILE *out)
{
	return rw_print_node(ast, ast->program, out);
}
