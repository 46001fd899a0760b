/*
 * rewriter/instrument_maker.c -- from the instrumentation's decisions and
 * edits: the instrumented program text, the site table, and the makers
 * grouped into maker units (doc/design.md "Restore without evaluating
 * anything new"). A maker's function text is the site's own instrumented
 * text placed on the same line numbers as in the user's file; sites whose
 * lines overlap go to different units. Strict-by-inheritance sites go to
 * units that start with "use strict" so their makers make strict functions.
 * Where a maker's function text is a slice of the whole instrumented
 * program (checked byte for byte), the unit records a slice, and the restore
 * table stores that text once (rewriter/emit_c.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rewriter/instrument_impl.h"
#include "runtime/ferry.h"

/* free constant bindings per function scope: what a maker's init() sets */
typedef struct ri_free {
	const rw_binding **v;
	uint32_t n, cap;
} ri_free;

static int free_add(ri_free *f, const rw_binding *b)
{
	uint32_t i;

	for (i = 0; i < f->n; i++)
		if (f->v[i] == b)
			return 0;
	if (f->n == f->cap) {
		uint32_t cap = f->cap ? f->cap * 2 : 4;
		const rw_binding **nv = realloc(f->v, cap * sizeof *nv);
		if (!nv)
			return -1;
		f->v = nv;
		f->cap = cap;
	}
	f->v[f->n++] = b;
	return 0;
}

static int collect_free(ri_ctx *c, ri_free *fr)
{
	uint32_t i, n = rw_scopes_nrefs(c->scopes);

	for (i = 0; i < n; i++) {
		rw_ref *r = rw_scopes_ref(c->scopes, i);
		rw_scope *s;

		if (!rw_ref_binding(r) || (r->flags & RW_RF_DECL))
			continue;
		if (ri_repr(c, rw_ref_binding(r)) != RI_CONST && ri_repr(c, rw_ref_binding(r)) != RI_MIRROR)
			continue;
		for (s = rw_ref_scope(r); s && s != rw_ref_binding(r)->scope; s = s->parent)
			if (s->kind == RW_SCOPE_FUNCTION && free_add(&fr[s->id], rw_ref_binding(r)) < 0)
				return -1;
	}
	return 0;
}

typedef struct ri_unit {
	rw_out   text;
	uint32_t line;     /* line the text currently ends on */
	int      strict;
	rw_slice *slices;    /* ascending unit_off */
	uint32_t nslices, cap;
	rw_maker_pos *makers;
	uint32_t nmakers, mcap;
} ri_unit;

/* every maker's function text located in the whole program text */
typedef struct ri_map {
	ri_probes   pr;        /* pos: each site's first and last source byte */
	const char *code;      /* the whole instrumented program */
	size_t      len;
} ri_map;

static int u32_cmp(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	return a < b ? -1 : a > b;
}

/* the source range a site's maker renders */
static void site_range(const ri_ctx *c, uint32_t site, uint32_t *a, uint32_t *b)
{
	rw_scope *s = c->site_scope[site];
	rw_node *fn = rw_scope_node(s);

	if (c->sc[s->id].prop) {
		*a = fn->u.fn.params_start;
		*b = fn->u.fn.body_end;
	} else {
		*a = fn->span.start;
		*b = fn->span.end;
	}
}

static int map_init(ri_ctx *c, ri_map *m)
{
	uint32_t *pos, i, n = 0;

	memset(m, 0, sizeof *m);
	pos = malloc((c->nsites ? c->nsites : 1) * 2 * sizeof *pos);
	m->pr.off = malloc((c->nsites ? c->nsites : 1) * 2 * sizeof *m->pr.off);
	if (!pos || !m->pr.off) {
		free(pos);
		free(m->pr.off);
		return -1;
	}
	for (i = 1; i < c->nsites; i++) {
		uint32_t a, b;
		if (c->sc[c->site_scope[i]->id].site_dynamic)
			continue;
		site_range(c, i, &a, &b);
		if (b <= a)
			continue;
		pos[n++] = a;
		pos[n++] = b - 1;
	}
	qsort(pos, n, sizeof *pos, u32_cmp);
	m->pr.pos = pos;
	m->pr.n = n;
	return 0;
}

static void map_free(ri_map *m)
{
	free((void *)m->pr.pos);
	free(m->pr.off);
}

/* where src[p] is in the whole program text, or RI_NOWHERE */
static size_t map_find(const ri_map *m, uint32_t p)
{
	const uint32_t *hit = bsearch(&p, m->pr.pos, m->pr.n, sizeof p, u32_cmp);
	return hit ? m->pr.off[hit - m->pr.pos] : RI_NOWHERE;
}

static void slice_add(ri_unit *u, size_t unit_off, size_t len, size_t text_off)
{
	if (u->nslices == u->cap) {
		uint32_t cap = u->cap ? u->cap * 2 : 16;
		rw_slice *nv = realloc(u->slices, cap * sizeof *nv);
		if (!nv) {
			u->text.oom = 1;
			return;
		}
		u->slices = nv;
		u->cap = cap;
	}
	u->slices[u->nslices].unit_off = unit_off;
	u->slices[u->nslices].len = len;
	u->slices[u->nslices].text_off = text_off;
	u->nslices++;
}

static uint32_t count_nl(const char *s, size_t n)
{
	uint32_t k = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '\n')
			k++;
		else if (ch == '\r' && !(i + 1 < n && s[i + 1] == '\n'))
			k++;
		else if (ch == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		         ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9))
			k++;   /* U+2028, U+2029 */
	}
	return k;
}

/* the function text of a site, as an expression giving the function;
 * o->p[*r0..*r1) is the rendered source range */
static void site_text(ri_ctx *c, rw_node *fn, const ri_scope *r, rw_out *o, uint32_t *line,
                      size_t *r0, size_t *r1)
{
	const char *src = c->ast->src;
	rw_node *p = r->prop;

	if (p) {
		uint32_t col;
		rw_position(c->ast, fn->u.fn.params_start, line, &col);
		if (p->u.prop.kind == RW_PROP_METHOD) {
			rw_out_puts(o, "({");
			ri_key_literal(c, o, RW_N(p, prop.key));
			*r0 = o->len;
			ri_render(&c->edits, src, fn->u.fn.params_start, fn->u.fn.body_end, 0, o);
			*r1 = o->len;
			rw_out_puts(o, "})[");
			ri_key_expr(c, o, RW_N(p, prop.key));
			rw_out_puts(o, "]");
		} else {
			/* Pd: the unit's Object.getOwnPropertyDescriptor (a maker's
			 * variables, named like the program's, may shadow Object) */
			rw_out_printf(o, "%sd({%s ", c->prefix,
			              p->u.prop.kind == RW_PROP_GET ? "get" : "set");
			ri_key_literal(c, o, RW_N(p, prop.key));
			*r0 = o->len;
			ri_render(&c->edits, src, fn->u.fn.params_start, fn->u.fn.body_end, 0, o);
			*r1 = o->len;
			rw_out_puts(o, "}, ");
			ri_key_expr(c, o, RW_N(p, prop.key));
			rw_out_puts(o, p->u.prop.kind == RW_PROP_GET ? ").get" : ").set");
		}
		return;
	}
	{
		uint32_t col;
		rw_position(c->ast, fn->span.start, line, &col);
	}
	*r0 = o->len;
	ri_render(&c->edits, src, fn->span.start, fn->span.end, 0, o);
	*r1 = o->len;
}

static void maker(ri_ctx *c, uint32_t site, const ri_free *fr, const ri_map *m, ri_unit *u)
{
	rw_scope *s = c->site_scope[site];
	const ri_scope *r = &c->sc[s->id];
	rw_out t;
	uint32_t line = 1, k, i, sa, sb;
	size_t r0 = 0, r1 = 0, ta, tz;
	rw_maker_pos *mk;

	rw_out_init(&t);
	site_text(c, rw_scope_node(s), r, &t, &line, &r0, &r1);
	while (u->line < line) {
		rw_out_puts(&u->text, "\n");
		u->line++;
	}
	if (u->nmakers == u->mcap) {
		uint32_t cap = u->mcap ? u->mcap * 2 : 16;
		rw_maker_pos *nv = realloc(u->makers, cap * sizeof *nv);
		if (!nv) {
			u->text.oom = 1;
			rw_out_free(&t);
			return;
		}
		u->makers = nv;
		u->mcap = cap;
	}
	mk = &u->makers[u->nmakers++];
	mk->site = site;
	mk->start = u->text.len;
	mk->nl = u->line;
	rw_out_printf(&u->text, "%u: function (", (unsigned)site);
	for (k = r->outer; k >= 1; k--)
		rw_out_printf(&u->text, "%se%u%s", c->prefix, (unsigned)k, k > 1 ? ", " : "");
	rw_out_puts(&u->text, ") { ");
	if (fr->n) {
		rw_out_puts(&u->text, "var ");
		for (i = 0; i < fr->n; i++) {
			rw_out_name(&u->text, fr->v[i]->name, fr->v[i]->len);
			rw_out_puts(&u->text, i + 1 < fr->n ? ", " : "; ");
		}
	}
	rw_out_puts(&u->text, "return [");
	/* the rendered function text, if the whole program has it verbatim */
	site_range(c, site, &sa, &sb);
	ta = sb > sa ? map_find(m, sa) : RI_NOWHERE;
	tz = sb > sa ? map_find(m, sb - 1) : RI_NOWHERE;
	if (ta != RI_NOWHERE && tz != RI_NOWHERE && tz >= ta && tz - ta + 1 == r1 - r0 &&
	    !t.oom && tz < m->len && memcmp(m->code + ta, t.p + r0, r1 - r0) == 0)
		slice_add(u, u->text.len + r0, r1 - r0, ta);
	rw_out_put(&u->text, t.p ? t.p : "", t.len);
	u->line += count_nl(t.p ? t.p : "", t.len);
	if (t.oom)
		u->text.oom = 1;
	rw_out_free(&t);
	if (fr->n) {
		rw_out_puts(&u->text, ", function () { ");
		for (i = 0; i < fr->n; i++) {
			const rw_binding *b = fr->v[i];
			rw_out_name(&u->text, b->name, b->len);
			rw_out_printf(&u->text, " = %se%u[%u]; ", c->prefix,
			              (unsigned)c->sc[b->scope->id].inner,
			              (unsigned)ri_env_index(c, b));
		}
		rw_out_puts(&u->text, "}");
	}
	rw_out_puts(&u->text, "]; },");
	mk->end = u->text.len;
	mk->nl = u->line - mk->nl;
}

static const char *site_name(ri_ctx *c, rw_node *fn, const ri_scope *r)
{
	if (RW_N(fn, fn.name))
		return RW_S(RW_N(fn, fn.name), ident.name);
	if (r->prop && !(r->prop->u.prop.flags & RW_PROP_COMPUTED)) {
		rw_node *k = RW_N(r->prop, prop.key);
		if (k->kind == RW_NAME)
			return RW_S(k, ident.name);
		if (k->kind == RW_STRING)
			return RW_S(k, string.value);
		if (k->kind == RW_NUMBER) {
			size_t n = k->span.end - k->span.start;
			char *s = rw_ast_alloc(c->ast, n + 1);
			if (s) {
				memcpy(s, c->ast->src + k->span.start, n);
				s[n] = '\0';
				return s;
			}
		}
	}
	return "";
}

static int build_sites(ri_ctx *c, rw_program *prog)
{
	rw_site *sites = rw_ast_alloc(c->ast, c->nsites * sizeof *sites);
	uint32_t i;

	if (!sites)
		return -1;
	for (i = 0; i < c->nsites; i++) {
		rw_scope *s = c->site_scope[i];
		rw_site *st = &sites[i];
		const ri_scope *r = &c->sc[s->id];
		rw_binding *b;
		uint32_t flags = 0, nc = 0;

		st->id = i;
		if (i == 0) {
			st->name = "";
			st->line = st->col = 1;
			if (s->flags & RW_SF_STRICT)
				flags |= FERRY_SITE_STRICT;
			if (s->flags & RW_SF_USES_THIS)
				flags |= FERRY_SITE_USES_THIS;
			st->flags = (uint16_t)flags;
			continue;
		}
		{
			rw_node *fn = rw_scope_node(s);
			uint32_t ff = fn->u.fn.flags;
			st->parent = (uint32_t)c->sc[s->parent->func->id].site;
			st->name = site_name(c, fn, r);
			rw_position(c->ast, fn->span.start, &st->line, &st->col);
			st->nparams = (uint16_t)(fn->u.fn.params.n > 0xffff ? 0xffff : fn->u.fn.params.n);
			if (ff & RW_FN_STRICT)
				flags |= FERRY_SITE_STRICT;
			if (r->site_dynamic)
				flags |= FERRY_SITE_DYNAMIC;
			if (fn->kind == RW_FUNC_DECL)
				flags |= FERRY_SITE_DECL;
			else if (RW_N(fn, fn.name) && !r->prop)
				flags |= FERRY_SITE_NAMED;
			if (ff & (RW_FN_GETTER | RW_FN_SETTER))
				flags |= FERRY_SITE_ACCESSOR;
			if (ff & RW_FN_METHOD)
				flags |= FERRY_SITE_METHOD;
			if (r->has_env)
				flags |= FERRY_SITE_HAS_ENV;
			if (r->has_env && r->inline_env)
				flags |= FERRY_SITE_INLINE_ENV;
			if (s->flags & RW_SF_USES_ARGUMENTS)
				flags |= FERRY_SITE_USES_ARGS;
			if (s->flags & RW_SF_USES_THIS)
				flags |= FERRY_SITE_USES_THIS;
			st->flags = (uint16_t)flags;
			st->env_depth = r->outer;
		}
		if (!r->has_env)
			continue;
		for (b = s->bindings; b; b = b->next)
			if (ri_repr(c, b) != RI_LOCAL)
				nc++;
		if (nc) {
			const char **cap = rw_ast_alloc(c->ast, nc * sizeof *cap);
			uint32_t k = 0;
			if (!cap)
				return -1;
			/* captured[i] is at index i + 1 of the environment array */
			for (b = s->bindings; b; b = b->next)
				if (ri_repr(c, b) != RI_LOCAL)
					cap[k++] = b->name;
			st->captured = cap;
			st->ncaptured = nc;
		}
	}
	prog->sites = sites;
	prog->nsites = c->nsites;
	return 0;
}

/* a copy of n bytes in the AST's arena; NULL for none or out of memory */
static void *arena_dup(ri_ctx *c, const void *p, size_t n)
{
	void *v = n ? rw_ast_alloc(c->ast, n) : NULL;

	if (v)
		memcpy(v, p, n);
	return v;
}

/* A maker holds its site's whole text, nested functions included, so the
 * units of deeply nested code grow with size x depth. The restore table
 * stores the text once, but ferryc holds the units and a resume compiles
 * them: refuse absurd totals. */
#define RI_MAX_UNITS_BYTES ((size_t)64 * 1024 * 1024)   /* or 16x the source */

static int build_units(ri_ctx *c, rw_program *prog, const ri_map *m, char *err, size_t errlen)
{
	size_t total = 0, before;
	size_t limit = c->ast->len > RI_MAX_UNITS_BYTES / 16 ? c->ast->len * 16 : RI_MAX_UNITS_BYTES;
	ri_free *fr = calloc(c->nscopes ? c->nscopes : 1, sizeof *fr);
	ri_unit *u = NULL;
	uint32_t nu = 0, i, k;
	int rc = -1;

	if (!fr)
		return -1;
	if (collect_free(c, fr) < 0)
		goto out;
	for (i = 1; i < c->nsites; i++) {
		rw_scope *s = c->site_scope[i];
		const ri_scope *r = &c->sc[s->id];
		rw_node *fn = rw_scope_node(s);
		int strict = (fn->u.fn.flags & RW_FN_STRICT) != 0;
		uint32_t line, col;

		if (r->site_dynamic)
			continue;
		rw_position(c->ast, r->prop ? fn->u.fn.params_start : fn->span.start, &line, &col);
		for (k = 0; k < nu; k++)
			if (u[k].strict == strict && u[k].line <= line)
				break;
		if (k == nu) {
			ri_unit *nv = realloc(u, (nu + 1) * sizeof *nv);
			if (!nv)
				goto out;
			u = nv;
			rw_out_init(&u[nu].text);
			u[nu].line = 1;
			u[nu].strict = strict;
			u[nu].slices = NULL;
			u[nu].nslices = u[nu].cap = 0;
			u[nu].makers = NULL;
			u[nu].nmakers = u[nu].mcap = 0;
			rw_out_printf(&u[nu].text, "function () { %svar %sd = Object.getOwnPropertyDescriptor; "
			              "return {", strict ? "\"use strict\"; " : "", c->prefix);
			nu++;
		}
		before = u[k].text.len;
		maker(c, i, &fr[s->id], m, &u[k]);
		total += u[k].text.len - before;
		if (total > limit) {
			rw_position(c->ast, fn->span.start, &line, &col);
			snprintf(err, errlen, "%s:%u:%u: restore makers would exceed %lu MB (functions nested "
			         "too deeply)", c->ast->filename, (unsigned)line,
			         (unsigned)col, (unsigned long)(limit >> 20));
			rc = -2;
			goto out;
		}
	}
	if (nu) {
		const char **units = rw_ast_alloc(c->ast, nu * sizeof *units);
		size_t *lens = rw_ast_alloc(c->ast, nu * sizeof *lens);
		const rw_slice **slices = rw_ast_alloc(c->ast, nu * sizeof *slices);
		uint32_t *nslices = rw_ast_alloc(c->ast, nu * sizeof *nslices);
		const rw_maker_pos **makers = rw_ast_alloc(c->ast, nu * sizeof *makers);
		uint32_t *nmakers = rw_ast_alloc(c->ast, nu * sizeof *nmakers);
		if (!units || !lens || !slices || !nslices || !makers || !nmakers)
			goto out;
		for (k = 0; k < nu; k++) {
			char *t;
			rw_out_puts(&u[k].text, "\n}; }\n");
			if (u[k].text.oom)
				goto out;
			t = rw_ast_alloc(c->ast, u[k].text.len + 1);
			if (!t)
				goto out;
			memcpy(t, u[k].text.p, u[k].text.len + 1);
			units[k] = t;
			lens[k] = u[k].text.len;
			nslices[k] = u[k].nslices;
			slices[k] = arena_dup(c, u[k].slices, u[k].nslices * sizeof *u[k].slices);
			nmakers[k] = u[k].nmakers;
			makers[k] = arena_dup(c, u[k].makers, u[k].nmakers * sizeof *u[k].makers);
			if ((u[k].nslices && !slices[k]) || (u[k].nmakers && !makers[k]))
				goto out;
		}
		prog->units = units;
		prog->unit_lens = lens;
		prog->unit_slices = slices;
		prog->unit_nslices = nslices;
		prog->unit_makers = makers;
		prog->unit_nmakers = nmakers;
		prog->nunits = nu;
	}
	rc = 0;
out:
	for (k = 0; k < nu; k++) {
		rw_out_free(&u[k].text);
		free(u[k].slices);
		free(u[k].makers);
	}
	free(u);
	for (i = 0; i < c->nscopes; i++)
		free(fr[i].v);
	free(fr);
	return rc;
}

int rw_instrument(rw_ast *ast, rw_scopes *scopes, const char *prefix, rw_out *code,
                  rw_program *prog, char *err, size_t errlen)
{
	ri_ctx c;
	ri_map m;
	int rc = -1;

	memset(&c, 0, sizeof c);
	memset(&m, 0, sizeof m);
	c.ast = ast;
	c.scopes = scopes;
	c.prefix = prefix;
	if (ri_instrument_edits(&c, err, errlen) < 0)
		goto out;
	if (map_init(&c, &m) < 0) {
		snprintf(err, errlen, "%s: out of memory", ast->filename);
		goto out;
	}
	ri_render_probed(&c.edits, ast->src, 0, (uint32_t)ast->len, 1, code, &m.pr);
	m.code = code->p;
	m.len = code->len;
	if (code->oom || build_sites(&c, prog) < 0) {
		snprintf(err, errlen, "%s: out of memory", ast->filename);
		goto out;
	}
	{
		int ur = build_units(&c, prog, &m, err, errlen);
		if (ur == -1)
			snprintf(err, errlen, "%s: out of memory", ast->filename);
		if (ur < 0)
			goto out;
	}
	prog->instrumented = 1;
	prog->prefix = prefix;
	prog->code = code->p ? code->p : "";
	prog->code_len = code->len;
	rc = 0;
out:
	map_free(&m);
	ri_edits_free(&c.edits);
	return rc;
}
