/*
 * rewriter/scope_dump.c -- `ferryc --dump-scopes`: the analysis as text,
 * one line per scope, per binding and per identifier occurrence, for
 * debugging and for tests. Deterministic (scopes in id order, occurrences
 * in source order). Example:
 *
 *   scope 1 function outer @1:1 parent=0 depth=1 env_depth=1 params=1 flags=captured,closures
 *     binding a: param #0 captured,assigned
 *   ref 4:7 a read,write -> captured param a of scope 1 (outer)
 */
#include <stdio.h>

#include "rewriter/scope_impl.h"

const char *
rw_scope_kind_name(rw_scope_kind k)
{
	switch (k) {
	case RW_SCOPE_PROGRAM:  return "program";
	case RW_SCOPE_FUNCTION: return "function";
	case RW_SCOPE_CATCH:    return "catch";
	}
	return "?";
}

const char *
rw_bind_kind_name(rw_bind_kind k)
{
	switch (k) {
	case RW_BIND_VAR:       return "var";
	case RW_BIND_PARAM:     return "param";
	case RW_BIND_FUNC:      return "function";
	case RW_BIND_CATCH:     return "catch";
	case RW_BIND_SELF:      return "self";
	case RW_BIND_ARGUMENTS: return "arguments";
	}
	return "?";
}

const char *
rw_ref_kind_name(rw_ref_kind k)
{
	switch (k) {
	case RW_REF_LOCAL:    return "local";
	case RW_REF_CAPTURED: return "captured";
	case RW_REF_GLOBAL:   return "global";
	}
	return "?";
}

typedef struct flag_name {
	uint32_t    bit;
	const char *name;
} flag_name;

static const flag_name scope_flags[] = {
	{ RW_SF_STRICT, "strict" },
	{ RW_SF_USES_ARGUMENTS, "uses-arguments" },
	{ RW_SF_USES_THIS, "uses-this" },
	{ RW_SF_EVAL, "eval" },
	{ RW_SF_WITH, "with" },
	{ RW_SF_DYNAMIC, "dynamic" },
	{ RW_SF_IN_DYNAMIC, "in-dynamic" },
	{ RW_SF_CLOSURES, "closures" },
	{ RW_SF_FREE, "free" },
	{ RW_SF_CAPTURED, "captured" },
	{ RW_SF_IN_WITH, "in-with" },
	{ 0, NULL }
};

static const flag_name binding_flags[] = {
	{ RW_BF_CAPTURED, "captured" },
	{ RW_BF_ASSIGNED, "assigned" },
	{ RW_BF_HAS_INIT, "init" },
	{ RW_BF_VAR_DECL, "var-decl" },
	{ RW_BF_REDECLARED, "redeclared" },
	{ RW_BF_CONST, "const" },
	{ RW_BF_DELETED, "deleted" },
	{ RW_BF_CALLED, "called" },
	{ RW_BF_CAPTURED_ASSIGNED, "assigned-inside" },
	{ RW_BF_ALIASED, "aliased" },
	{ RW_BF_WRITE_IGNORED, "write-ignored" },
	{ 0, NULL }
};

static const flag_name ref_flags[] = {
	{ RW_RF_DECL, "decl" },
	{ RW_RF_READ, "read" },
	{ RW_RF_WRITE, "write" },
	{ RW_RF_INIT, "init" },
	{ RW_RF_FOR_IN, "for-in" },
	{ RW_RF_CALL, "call" },
	{ RW_RF_NEW, "new" },
	{ RW_RF_TYPEOF, "typeof" },
	{ RW_RF_DELETE, "delete" },
	{ RW_RF_EVAL, "direct-eval" },
	{ RW_RF_EVAL_ARG, "eval-arg" },
	{ RW_RF_EVAL_NAMED, "eval-of-name" },
	{ RW_RF_SHORTHAND, "shorthand" },
	{ RW_RF_DEAD, "dead" },
	{ RW_RF_IN_WITH, "in-with" },
	{ RW_RF_DYNAMIC, "dynamic" },
	{ 0, NULL }
};

static void
put_flags(FILE *out, const flag_name *t, uint32_t flags, const char *none)
{
	int first = 1;

	for (; t->name; t++) {
		if (!(flags & t->bit))
			continue;
		fprintf(out, "%s%s", first ? "" : ",", t->name);
		first = 0;
	}
	if (first)
		fputs(none, out);
}

/* Names may contain any code point; print them as they are (CESU-8), but
 * never a control character that would break the one-line format. */
static void
put_name(FILE *out, const char *name, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)name[i];
		if (ch < 0x20 || ch == 0x7f)
			fprintf(out, "\\x%02x", ch);
		else
			fputc(ch, out);
	}
}

static void
put_scope_name(FILE *out, const rw_scope *sc)
{
	if (sc->kind == RW_SCOPE_PROGRAM) {
		fputs("program", out);
	} else if (sc->kind == RW_SCOPE_CATCH) {
		fputs("catch", out);
	} else if (RW_N(rw_scope_node(sc), fn.name)) {
		put_name(out, RW_S(RW_N(rw_scope_node(sc), fn.name), ident.name),
		         rw_name_len(RW_S(RW_N(rw_scope_node(sc), fn.name), ident.name)));
	} else {
		fputs("(anonymous)", out);
	}
}

static void
dump_scope(const rw_ast *ast, const rw_scope *sc, FILE *out)
{
	const rw_binding *b;
	uint32_t line, col;

	fprintf(out, "scope %u %s ", sc->id, rw_scope_kind_name(sc->kind));
	put_scope_name(out, sc);
	rw_position(ast, rw_scope_node(sc)->span.start, &line, &col);
	fprintf(out, " @%u:%u", line, col);
	if (sc->parent)
		fprintf(out, " parent=%u", sc->parent->id);
	fprintf(out, " depth=%u env_depth=%u", sc->depth, sc->env_depth);
	if (sc->kind == RW_SCOPE_FUNCTION)
		fprintf(out, " params=%u", sc->nparams);
	fputs(" flags=", out);
	put_flags(out, scope_flags, sc->flags, "-");
	fputc('\n', out);
	for (b = sc->bindings; b; b = b->next) {
		fputs("  binding ", out);
		put_name(out, b->name, b->len);
		fprintf(out, ": %s", rw_bind_kind_name(b->kind));
		if (b->kind == RW_BIND_PARAM)
			fprintf(out, " #%u", b->param_index);
		if (sc->kind == RW_SCOPE_PROGRAM)
			fputs(" global", out);
		fputc(' ', out);
		put_flags(out, binding_flags, b->flags, "-");
		if (rw_binding_is_constant(b))
			fputs(" constant", out);
		fprintf(out, " refs=%u writes=%u\n", b->nrefs, b->nwrites);
	}
}

static void
dump_ref(const rw_ast *ast, const rw_ref *r, FILE *out)
{
	const rw_node *id = rw_ref_ident(r);
	const rw_binding *b = rw_ref_binding(r);
	uint32_t line, col;

	rw_position(ast, id->span.start, &line, &col);
	fprintf(out, "ref %u:%u ", line, col);
	put_name(out, RW_S(id, ident.name), rw_name_len(RW_S(id, ident.name)));
	fputc(' ', out);
	put_flags(out, ref_flags, r->flags, "-");
	fprintf(out, " -> %s", rw_ref_kind_name(r->kind));
	if (!b) {
		fputs(r->kind == RW_REF_GLOBAL ? " undeclared\n" : " shadowed-name\n", out);
		return;
	}
	fprintf(out, " %s ", rw_bind_kind_name(b->kind));
	put_name(out, b->name, b->len);
	fprintf(out, " of scope %u (", b->scope->id);
	put_scope_name(out, b->scope);
	fputs(")\n", out);
}

int
rw_scopes_dump(const rw_scopes *s, FILE *out)
{
	uint32_t i;

	for (i = 0; i < s->nscopes; i++)
		dump_scope(s->ast, s->scopes[i], out);
	for (i = 0; i < s->nrefs; i++)
		dump_ref(s->ast, &s->refs[i], out);
	return ferror(out) ? -1 : 0;
}

int
rw_scopes_dump_cli(rw_ast *ast, FILE *out, char *err, size_t errlen)
{
	rw_scopes *s;
	int r;

	if (rw_scopes_analyse(ast, &s, err, errlen) != 0)
		return 1;
	r = rw_scopes_dump(s, out);
	rw_scopes_free(s);
	if (r != 0 || fflush(out) != 0) {
		snprintf(err, errlen, "ferryc: write error");
		return 1;
	}
	return 0;
}
