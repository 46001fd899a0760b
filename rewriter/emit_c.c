/*
 * rewriter/emit_c.c -- writes app_restore.c: the restore table (sites,
 * captured names, maker units), the embedded program, the program hash and
 * main(). The layout follows `ferry_program` in runtime/ferry.h.
 *
 * Maker units are stored as pieces: a function's text that the program text
 * already holds (rw_program.unit_slices) is an offset into that text, the
 * makers' own code ("glue") is stored once in ferry_glue, and runs of line
 * breaks (which keep a maker on its user's line numbers) share one block
 * at the start of ferry_glue. The units themselves, which repeat a nested
 * function's text at every nesting level, are put together only on resume.
 *
 * Hash: SHA-256 (libsodium) over a tag, the build kind, prefix, filename,
 * the program text and the emitted table text, so any change to the program
 * or its table changes the hash and a snapshot of another build is refused.
 * How the program is embedded does not count: a native build (bytecode) and
 * a cross build (--cc, source text) of one program take each other's
 * snapshots, which is what moving to another CPU architecture needs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "rewriter/instrument.h"
#include "runtime/ferry.h"

/* s[0..n) as C string literal pieces: one per source line (keeps the file
 * readable), line breaks alone grouped by 32 */
static void emit_literal(rw_out *t, const char *s, size_t n)
{
	size_t a = 0, b;

	if (n == 0)
		rw_out_puts(t, "\t\"\"");
	while (a < n) {
		for (b = a; b < n && s[b] == '\n' && b - a < 32; b++)
			;
		if (b == a) {
			for (; b < n && s[b] != '\n'; b++)
				;
			if (b < n)
				b++;
		}
		rw_out_puts(t, a ? "\n\t\"" : "\t\"");
		rw_out_c_string(t, s + a, b - a);
		rw_out_puts(t, "\"");
		a = b;
	}
}

#define NL_SHARED 16   /* line-break runs at least this long use the block */

static size_t nl_run(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && s[k] == '\n')
		k++;
	return k;
}

typedef struct pieces {
	rw_out   glue;
	uint32_t *v;           /* offset, length pairs */
	size_t   n, cap;
	int      oom;
} pieces;

static void piece(pieces *ps, size_t off, size_t len)
{
	if (len == 0)
		return;
	if ((off & ~(size_t)FERRY_PIECE_GLUE) > 0x7fffffffu || len > 0xffffffffu) {
		ps->oom = 1;      /* not reached: sources are at most 64 MB */
		return;
	}
	if (ps->n + 2 > ps->cap) {
		size_t cap = ps->cap ? ps->cap * 2 : 256;
		uint32_t *nv = realloc(ps->v, cap * sizeof *nv);
		if (!nv) {
			ps->oom = 1;
			return;
		}
		ps->v = nv;
		ps->cap = cap;
	}
	ps->v[ps->n++] = (uint32_t)off;
	ps->v[ps->n++] = (uint32_t)len;
}

/* glue bytes s[0..n): long line-break runs from the shared block, the
 * rest appended to the glue store */
static void glue_pieces(pieces *ps, const char *s, size_t n)
{
	size_t a = 0;

	while (a < n) {
		size_t k = nl_run(s + a, n - a), b;
		if (k >= NL_SHARED) {
			piece(ps, FERRY_PIECE_GLUE, k);
			a += k;
			continue;
		}
		for (b = a + k; b < n; b++)
			if (s[b] == '\n' && nl_run(s + b, n - b) >= NL_SHARED)
				break;
		piece(ps, FERRY_PIECE_GLUE | ps->glue.len, b - a);
		rw_out_put(&ps->glue, s + a, b - a);
		a = b;
	}
}

/* pieces for bytes [a, b) of unit u: the slices that lie in it (from
 * *k on) and glue around them */
static void unit_range(pieces *ps, const rw_program *p, uint32_t u, size_t a, size_t b,
                       uint32_t *k)
{
	const char *ut = p->units[u];

	for (; p->unit_slices && *k < p->unit_nslices[u]; ++*k) {
		const rw_slice *sl = &p->unit_slices[u][*k];
		if (sl->unit_off < a || sl->unit_off + sl->len > b)
			break;
		glue_pieces(ps, ut + a, sl->unit_off - a);
		piece(ps, sl->text_off, sl->len);
		a = sl->unit_off + sl->len;
	}
	glue_pieces(ps, ut + a, b - a);
}

/* ferry_glue, ferry_pieces, ferry_unit_first, ferry_site_pieces and
 * ferry_site_first of the maker units */
static void emit_units(const rw_program *p, rw_out *t)
{
	pieces ps;
	size_t maxnl = 0, i;
	uint32_t u, k, m, nm = 0, *first, *mfirst, *mv;

	memset(&ps, 0, sizeof ps);
	rw_out_init(&ps.glue);
	for (u = 0; u < p->nunits; u++)
		nm += p->unit_makers ? p->unit_nmakers[u] : 0;
	first = malloc((p->nunits + 1) * sizeof *first);
	mfirst = malloc((p->nunits + 1) * sizeof *mfirst);
	mv = malloc((nm ? nm : 1) * 4 * sizeof *mv);
	if (!first || !mfirst || !mv) {
		free(first);
		free(mfirst);
		free(mv);
		t->oom = 1;
		return;
	}
	/* the shared block: as long as the longest run of line breaks */
	for (u = 0; u < p->nunits; u++)
		for (i = 0; i < p->unit_lens[u]; ) {
			size_t r = nl_run(p->units[u] + i, p->unit_lens[u] - i);
			if (r > maxnl)
				maxnl = r;
			i += r ? r : 1;
		}
	if (maxnl < NL_SHARED)
		maxnl = 0;
	for (i = 0; i < maxnl; i++)
		rw_out_put(&ps.glue, "\n", 1);
	nm = 0;
	for (u = 0; u < p->nunits; u++) {
		size_t at = 0;

		first[u] = (uint32_t)(ps.n / 2);
		mfirst[u] = nm;
		k = 0;
		/* a maker's pieces are its own: a resume may leave it out */
		for (m = 0; p->unit_makers && m < p->unit_nmakers[u]; m++) {
			const rw_maker_pos *mp = &p->unit_makers[u][m];
			unit_range(&ps, p, u, at, mp->start, &k);
			mv[4 * nm] = mp->site;
			mv[4 * nm + 1] = (uint32_t)(ps.n / 2);
			unit_range(&ps, p, u, mp->start, mp->end, &k);
			mv[4 * nm + 2] = (uint32_t)(ps.n / 2);
			mv[4 * nm + 3] = mp->nl;
			nm++;
			at = mp->end;
		}
		unit_range(&ps, p, u, at, p->unit_lens[u], &k);
	}
	first[p->nunits] = (uint32_t)(ps.n / 2);
	mfirst[p->nunits] = nm;

	rw_out_puts(t, "/* maker units (doc/design.md): pieces of the program text and of ferry_glue */\n"
	               "static const char ferry_glue[] =\n");
	emit_literal(t, ps.glue.p ? ps.glue.p : "", ps.glue.len);
	rw_out_puts(t, ";\nstatic const uint32_t ferry_pieces[] = {");
	for (i = 0; i < ps.n; i += 2)
		rw_out_printf(t, "%s0x%08lx, %lu,", (i % 8) ? " " : "\n\t",
		              (unsigned long)ps.v[i], (unsigned long)ps.v[i + 1]);
	rw_out_puts(t, "\n};\nstatic const uint32_t ferry_unit_first[] = {");
	for (u = 0; u <= p->nunits; u++)
		rw_out_printf(t, "%s%lu", u ? ", " : " ", (unsigned long)first[u]);
	rw_out_puts(t, " };\n/* per maker: site, first piece, end piece, line breaks */\n"
	               "static const uint32_t ferry_site_pieces[] = {");
	for (i = 0; i < nm; i++)
		rw_out_printf(t, "%s%lu, %lu, %lu, %lu,", (i % 4) ? " " : "\n\t",
		              (unsigned long)mv[4 * i], (unsigned long)mv[4 * i + 1],
		              (unsigned long)mv[4 * i + 2], (unsigned long)mv[4 * i + 3]);
	if (!nm)
		rw_out_puts(t, " 0");
	rw_out_puts(t, "\n};\nstatic const uint32_t ferry_site_first[] = {");
	for (u = 0; u <= p->nunits; u++)
		rw_out_printf(t, "%s%lu", u ? ", " : " ", (unsigned long)mfirst[u]);
	rw_out_printf(t, " };\n#define FERRY_GLUE_LEN %lu\n", (unsigned long)ps.glue.len);
	if (ps.oom || ps.glue.oom)
		t->oom = 1;
	rw_out_free(&ps.glue);
	free(ps.v);
	free(first);
	free(mfirst);
	free(mv);
}

static void emit_site_tables(const rw_program *p, rw_out *t)
{
	uint32_t i, k;

	for (i = 0; i < p->nsites; i++) {
		const rw_site *s = &p->sites[i];
		if (!s->ncaptured)
			continue;
		rw_out_printf(t, "static const char *const ferry_cap_%u[] = {", (unsigned)i);
		for (k = 0; k < s->ncaptured; k++) {
			rw_out_puts(t, k ? ", \"" : " \"");
			rw_out_c_string(t, s->captured[k], strlen(s->captured[k]));
			rw_out_puts(t, "\"");
		}
		rw_out_puts(t, " };\n");
	}
	if (p->nsites) {
		rw_out_puts(t, "static const ferry_site ferry_sites[] = {\n"
		               "\t/* id, parent, name, line, col, nparams, flags, env_depth, captured, ncaptured */\n");
		for (i = 0; i < p->nsites; i++) {
			const rw_site *s = &p->sites[i];
			rw_out_printf(t, "\t{ %u, %u, \"", (unsigned)s->id, (unsigned)s->parent);
			rw_out_c_string(t, s->name ? s->name : "", s->name ? strlen(s->name) : 0);
			rw_out_printf(t, "\", %u, %u, %u, 0x%04x, %u, ", (unsigned)s->line,
			              (unsigned)s->col, (unsigned)s->nparams, (unsigned)s->flags,
			              (unsigned)s->env_depth);
			if (s->ncaptured)
				rw_out_printf(t, "ferry_cap_%u, %u },\n", (unsigned)i, (unsigned)s->ncaptured);
			else
				rw_out_puts(t, "NULL, 0 },\n");
		}
		rw_out_puts(t, "};\n");
	}
	if (p->nunits)
		emit_units(p, t);
}

/* "\n\t0x12, 0x34, ..." 16 bytes a line, without printf (big programs) */
static void emit_bytes(rw_out *out, const unsigned char *b, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char line[16 * 6 + 4];
	size_t i = 0;

	while (i < n) {
		size_t k, m = n - i < 16 ? n - i : 16, pos = 0;
		line[pos++] = '\n';
		line[pos++] = '\t';
		for (k = 0; k < m; k++) {
			unsigned c = b[i + k];
			if (k)
				line[pos++] = ' ';
			line[pos++] = '0';
			line[pos++] = 'x';
			line[pos++] = hex[c >> 4];
			line[pos++] = hex[c & 15];
			line[pos++] = ',';
		}
		rw_out_put(out, line, pos);
		i += m;
	}
}

static void hash_program(const rw_program *p, const rw_out *table, unsigned char h[32])
{
	crypto_hash_sha256_state st;
	unsigned char len8[8];
	const char *text = p->text ? p->text : p->code;
	size_t tlen = p->text ? p->text_len : p->code_len, n = tlen;
	int i;

	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const unsigned char *)"ferry-program-v2", 17);
	crypto_hash_sha256_update(&st, (const unsigned char *)(p->instrumented ? "I" : "P"), 1);
	crypto_hash_sha256_update(&st, (const unsigned char *)p->prefix, strlen(p->prefix) + 1);
	crypto_hash_sha256_update(&st, (const unsigned char *)p->filename, strlen(p->filename) + 1);
	for (i = 0; i < 8; i++) {
		len8[i] = (unsigned char)(n & 0xff);
		n >>= 8;
	}
	crypto_hash_sha256_update(&st, len8, 8);
	crypto_hash_sha256_update(&st, (const unsigned char *)text, tlen);
	crypto_hash_sha256_update(&st, (const unsigned char *)(table->p ? table->p : ""), table->len);
	crypto_hash_sha256_final(&st, h);
}

int rw_emit_restore_c(const rw_program *p, rw_out *out, unsigned char hash[32],
                      char *err, size_t errlen)
{
	rw_out table;
	unsigned char h[32];
	size_t i;

	if (sodium_init() < 0) {
		snprintf(err, errlen, "libsodium failed to initialise");
		return -1;
	}
	rw_out_init(&table);
	emit_site_tables(p, &table);
	hash_program(p, &table, h);

	rw_out_puts(out, "/* Generated by ferryc from ");
	/* the filename inside a comment: keep it from closing the comment */
	for (i = 0; p->filename[i]; i++) {
		char c = p->filename[i];
		if ((unsigned char)c < 0x20 || (c == '/' && i > 0 && p->filename[i - 1] == '*'))
			c = '?';
		rw_out_put(out, &c, 1);
	}
	rw_out_printf(out, " (%s build). Do not edit.\n"
	              " * The restore table, the embedded program and main() of a Ferry\n"
	              " * device executable; runtime/ferry.h defines the layout. */\n"
	              "#include <ferry.h>\n\n",
	              p->instrumented ? "instrumented" : "plain");
	/* compiled by hand (--emit-only, ferryc(1) LINKING BY HAND) against
	 * another libferry's header, the table would be read with another
	 * layout: refused by the compiler, not at run time */
	rw_out_printf(out, "#if FERRY_ABI_VERSION != %uu\n"
	              "#error \"made by ferryc for libferry ABI %u; this ferry.h is another: "
	              "run the ferryc of this libferry again\"\n#endif\n\n",
	              (unsigned)FERRY_ABI_VERSION, (unsigned)FERRY_ABI_VERSION);

	/* the program, NUL-terminated (the NUL is not counted in code_len) */
	rw_out_printf(out, "/* the program as %s */\n", p->code_is_bytecode
	              ? "Duktape bytecode (duk_dump_function), made by ferryc with this host's Duktape"
	              : "source text");
	rw_out_printf(out, "static const unsigned char ferry_code[%lu] = {",
	              (unsigned long)p->code_len + 1);
	emit_bytes(out, (const unsigned char *)p->code, p->code_len);
	rw_out_printf(out, "%s0x00\n};\n\n", (p->code_len % 16) ? " " : "\n\t");
	if (p->nunits && p->code_is_bytecode) {
		/* the text the maker units are cut from (a source build: ferry_code) */
		rw_out_puts(out, "/* the program as source text, read only on --resume (maker units) */\n"
		                 "static const char ferry_text[] =\n");
		emit_literal(out, p->text, p->text_len);
		rw_out_puts(out, ";\n\n");
	}

	rw_out_put(out, table.p ? table.p : "", table.len);
	if (table.oom)
		out->oom = 1;
	rw_out_free(&table);

	rw_out_puts(out, "\n/* the program; ferry_main(&ferry_app, argc, argv) runs it. Compiled with\n"
	                 " * -DFERRY_NO_MAIN this file leaves main() out, for a main() of your own. */\n"
	                 "const ferry_program ferry_app = {\n"
	                 "\tFERRY_ABI_VERSION,\n\t\"");
	rw_out_c_string(out, p->filename, strlen(p->filename));
	rw_out_printf(out, "\",\n\t%d, /* instrumented */\n\t\"", p->instrumented ? 1 : 0);
	rw_out_c_string(out, p->prefix, strlen(p->prefix));
	rw_out_printf(out, "\",\n\tferry_code, %lu, %d,\n", (unsigned long)p->code_len,
	              p->code_is_bytecode ? 1 : 0);
	if (p->nunits)
		rw_out_printf(out, "\t{ %s, %lu, ferry_glue, FERRY_GLUE_LEN, ferry_pieces, "
		              "ferry_unit_first, ferry_site_pieces, ferry_site_first, %u },\n",
		              p->code_is_bytecode ? "ferry_text" : "(const char *)ferry_code",
		              (unsigned long)(p->code_is_bytecode ? p->text_len : p->code_len),
		              (unsigned)p->nunits);
	else
		rw_out_puts(out, "\t{ NULL, 0, NULL, 0, NULL, NULL, NULL, NULL, 0 },\n");
	if (p->nsites)
		rw_out_printf(out, "\tferry_sites, %u,\n", (unsigned)p->nsites);
	else
		rw_out_puts(out, "\tNULL, 0,\n");
	rw_out_puts(out, "\t{");
	for (i = 0; i < 32; i++)
		rw_out_printf(out, "%s0x%02x%s", (i % 8) ? " " : "\n\t\t", h[i], i < 31 ? "," : "");
	rw_out_puts(out, "\n\t}\n};\n\n"
	                 "#ifndef FERRY_NO_MAIN\n"
	                 "int main(int argc, char **argv)\n{\n"
	                 "\treturn ferry_main(&ferry_app, argc, argv);\n}\n"
	                 "#endif\n");
	if (out->oom) {
		snprintf(err, errlen, "out of memory writing the restore table");
		return -1;
	}
	if (hash)
		memcpy(hash, h, 32);
	return 0;
}
