/*
 * wire/json_read.c -- the JSON snapshot decoder: a schema-directed recursive
 * descent parser over the Ragel tokenizer (json_scan.rl), building the model
 * directly (no intermediate JSON tree). Hostile input: every limit of
 * wr_limits is enforced, every error names the byte offset, allocation is
 * linear in the input size. The decoded model is then checked by
 * wr_validate; a semantic problem is reported at the byte where the object
 * concerned starts.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wire/wr_impl.h"
#include "wire/json_scan.h"

typedef struct jr {
	js_scan sc;
	js_tok tok;            /* current token (lookahead) */
	const char *why;       /* scanner's reason for JT_ERROR */
	const wr_limits *lim;
	wr_snapshot *s;
	wr_error *err;
	uint32_t depth;
	size_t *obj_off;       /* byte offset of each object (for validation errors) */
	uint32_t obj_off_cap;
	size_t sec_off[5];     /* globals, symbols, timers, patches, objects */
	wr_prop *pscratch;     /* properties of the object being parsed */
	uint32_t pcap, pcount;
	wr_value *vscratch;    /* the value list being parsed (lists never nest) */
	uint32_t vcap;
	wr_str *keys;          /* short property keys seen, by hash: one arena copy each */
} jr;

#define KEY_SLOTS 4096u
#define KEY_MAX   32u
/* a scratch vector whose unused capacity is over this is shrunk before
 * its elements are copied into the arena: the copy then costs what the
 * doubling left unused (the 1 MiB of WR_MODEL_SLACK covers what stays) */
#define SCRATCH_SLACK (256u * 1024u)

static void adv(jr *r)
{
	js_next(&r->sc, &r->tok, &r->why);
}

static const char *tok_name(js_tt t)
{
	switch (t) {
	case JT_EOF: return "end of input";
	case JT_LBRACE: return "'{'";
	case JT_RBRACE: return "'}'";
	case JT_LBRACK: return "'['";
	case JT_RBRACK: return "']'";
	case JT_COLON: return "':'";
	case JT_COMMA: return "','";
	case JT_STRING: return "a string";
	case JT_NUMBER: return "a number";
	case JT_TRUE: return "true";
	case JT_FALSE: return "false";
	case JT_NULL: return "null";
	default: return "an invalid token";
	}
}

/* Error at the current token: "expected X, found Y" (or the scanner's reason). */
static int fail_expect(jr *r, const char *what)
{
	if (r->tok.type == JT_ERROR)
		wr_err_at(r->err, r->tok.off, "%s", r->why);
	else if (r->tok.type == JT_EOF)
		wr_err_at(r->err, r->tok.off, "truncated input: expected %s", what);
	else
		wr_err_at(r->err, r->tok.off, "expected %s, found %s", what, tok_name(r->tok.type));
	return -1;
}

static int fail_oom(jr *r)
{
	if (wr_model_over(r->s))
		wr_err_model(r->err, r->tok.off, r->lim);
	else
		wr_err_at(r->err, r->tok.off, "out of memory");
	return -1;
}

static int expect(jr *r, js_tt t, const char *what)
{
	if (r->tok.type != t)
		return fail_expect(r, what);
	adv(r);
	return 0;
}

static int enter(jr *r)
{
	if (++r->depth > r->lim->max_depth) {
		wr_err_at(r->err, r->tok.off, "nesting deeper than the limit (%u)", (unsigned)r->lim->max_depth);
		return -1;
	}
	return 0;
}

/* ---- strings ---- */

static int hexv(uint8_t c)
{
	if (c <= '9') return c - '0';
	return (c | 0x20) - 'a' + 10;
}

/* Decode the current (validated) string token into out (>= tok.len bytes);
 * returns the decoded length. Each \uXXXX is one UTF-16 code unit and
 * becomes its own 1..3-byte sequence: surrogates are NOT paired, so the
 * bytes written by json_write.c come back exactly. */
static size_t decode_str(const js_tok *t, uint8_t *out)
{
	if (!t->escaped) {
		memcpy(out, t->p, t->len);
		return t->len;
	}
	size_t o = 0;
	for (size_t i = 0; i < t->len;) {
		uint8_t c = t->p[i];
		if (c != '\\') {
			out[o++] = c;
			i++;
			continue;
		}
		uint8_t e = t->p[i + 1];
		i += 2;
		switch (e) {
		case 'b': out[o++] = '\b'; break;
		case 'f': out[o++] = '\f'; break;
		case 'n': out[o++] = '\n'; break;
		case 'r': out[o++] = '\r'; break;
		case 't': out[o++] = '\t'; break;
		case 'u': {
			unsigned cp = (unsigned)(hexv(t->p[i]) << 12 | hexv(t->p[i + 1]) << 8 |
			                         hexv(t->p[i + 2]) << 4 | hexv(t->p[i + 3]));
			i += 4;
			if (cp < 0x80) {
				out[o++] = (uint8_t)cp;
			} else if (cp < 0x800) {
				out[o++] = (uint8_t)(0xC0 | cp >> 6);
				out[o++] = (uint8_t)(0x80 | (cp & 0x3F));
			} else {
				out[o++] = (uint8_t)(0xE0 | cp >> 12);
				out[o++] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
				out[o++] = (uint8_t)(0x80 | (cp & 0x3F));
			}
			break;
		}
		default: out[o++] = e; break;   /* " \ / */
		}
	}
	return o;
}

/* The current token as a string into the arena. */
static int take_string(jr *r, wr_str *out)
{
	if (r->tok.type != JT_STRING)
		return fail_expect(r, "a string");
	if (r->tok.len > r->lim->max_string && !r->tok.escaped) {
		wr_err_at(r->err, r->tok.off, "string longer than the limit (%u bytes)", (unsigned)r->lim->max_string);
		return -1;
	}
	uint8_t *d = wr_alloc(r->s, r->tok.len + 1);
	if (!d)
		return fail_oom(r);
	size_t n = decode_str(&r->tok, d);
	if (n > r->lim->max_string) {
		wr_err_at(r->err, r->tok.off, "string longer than the limit (%u bytes)", (unsigned)r->lim->max_string);
		return -1;
	}
	d[n] = 0;
	out->ptr = (const char *)d;
	out->len = (uint32_t)n;
	adv(r);
	return 0;
}

/* A member name: compared against the schema's ASCII names. */
static int take_key(jr *r, char *key, size_t cap)
{
	if (r->tok.type != JT_STRING)
		return fail_expect(r, "a member name");
	size_t n = 0;
	if (r->tok.len < cap) {
		uint8_t tmp[64];
		n = decode_str(&r->tok, tmp);
		memcpy(key, tmp, n);
	} else {
		n = cap - 1;
		memset(key, '?', n);   /* too long: matches no known name */
	}
	key[n] = 0;
	if (memchr(key, 0, n))
		key[0] = '?';
	adv(r);
	return expect(r, JT_COLON, "':' after the member name");
}

static int take_b64(jr *r, const uint8_t **ptr, uint32_t *len)
{
	if (r->tok.type != JT_STRING || r->tok.escaped)
		return fail_expect(r, "a base64 string");
	size_t cap = r->tok.len / 4 * 3;
	if (cap > r->lim->max_string) {
		wr_err_at(r->err, r->tok.off, "byte string longer than the limit (%u bytes)", (unsigned)r->lim->max_string);
		return -1;
	}
	uint8_t *d = wr_alloc(r->s, cap + 1);
	if (!d)
		return fail_oom(r);
	size_t bad = 0;
	long n = wr_b64_decode((const char *)r->tok.p, r->tok.len, d, &bad);
	if (n < 0) {
		wr_err_at(r->err, r->tok.off + 1 + bad, "invalid base64");
		return -1;
	}
	*ptr = d;
	*len = (uint32_t)n;
	adv(r);
	return 0;
}

/* ---- numbers ---- */

static int tok_double(jr *r, double *out)
{
	char tmp[400];
	if (r->tok.len >= sizeof tmp) {
		wr_err_at(r->err, r->tok.off, "number too long");
		return -1;
	}
	memcpy(tmp, r->tok.p, r->tok.len);
	tmp[r->tok.len] = 0;
	*out = strtod(tmp, NULL);   /* grammar already checked; overflow gives +-HUGE_VAL */
	if (isinf(*out)) {
		wr_err_at(r->err, r->tok.off, "number out of range (write {\"number\":\"Infinity\"})");
		return -1;
	}
	return 0;
}

static int take_u64(jr *r, uint64_t max, uint64_t *out, const char *what)
{
	if (r->tok.type != JT_NUMBER || !r->tok.integer || r->tok.p[0] == '-')
		return fail_expect(r, what);
	uint64_t v = 0;
	for (size_t i = 0; i < r->tok.len; i++) {
		unsigned d = r->tok.p[i] - '0';
		if (v > (max - d) / 10) {
			wr_err_at(r->err, r->tok.off, "%s out of range", what);
			return -1;
		}
		v = v * 10 + d;
	}
	*out = v;
	adv(r);
	return 0;
}

static int take_u32(jr *r, uint32_t *out, const char *what)
{
	uint64_t v;
	if (take_u64(r, UINT32_MAX, &v, what))
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static int tok_is(const js_tok *t, const char *s)
{
	size_t n = strlen(s);
	return t->len == n && !t->escaped && memcmp(t->p, s, n) == 0;
}

static int take_str(jr *r, wr_str *out);

/* A tagged value: '{' already current. Fills v; allow_* restrict the tags. */
enum { TAG_ANY = 0, TAG_NUM_ONLY = 1, TAG_STR_ONLY = 2 };

static int take_tagged(jr *r, wr_value *v, int only)
{
	char key[24];
	size_t off = r->tok.off;
	if (enter(r))
		return -1;
	adv(r);
	if (take_key(r, key, sizeof key))
		return -1;
	int ok_num = only != TAG_STR_ONLY, ok_str = only != TAG_NUM_ONLY, ok_any = only == TAG_ANY;
	if (ok_any && !strcmp(key, "undefined")) {
		if (r->tok.type != JT_TRUE)
			return fail_expect(r, "true");
		adv(r);
		v->type = WR_UNDEFINED;
	} else if (ok_num && !strcmp(key, "number")) {
		if (r->tok.type != JT_STRING)
			return fail_expect(r, "\"NaN\", \"Infinity\", \"-Infinity\" or \"-0\"");
		v->type = WR_NUMBER;
		if (tok_is(&r->tok, "NaN"))
			v->u.num = NAN;
		else if (tok_is(&r->tok, "Infinity"))
			v->u.num = INFINITY;
		else if (tok_is(&r->tok, "-Infinity"))
			v->u.num = -INFINITY;
		else if (tok_is(&r->tok, "-0"))
			v->u.num = -0.0;
		else
			return fail_expect(r, "\"NaN\", \"Infinity\", \"-Infinity\" or \"-0\"");
		adv(r);
	} else if (ok_any && !strcmp(key, "ref")) {
		v->type = WR_REF;
		if (take_u32(r, &v->u.ref, "an object id"))
			return -1;
	} else if (ok_any && !strcmp(key, "symbol")) {
		v->type = WR_SYMBOL;
		if (take_u32(r, &v->u.ref, "a symbol id"))
			return -1;
	} else if (ok_any && !strcmp(key, "builtin")) {
		v->type = WR_BUILTIN;
		if (take_str(r, &v->u.str))
			return -1;
	} else if (ok_str && !strcmp(key, "raw")) {
		const uint8_t *p;
		uint32_t n;
		if (take_b64(r, &p, &n))
			return -1;
		v->type = WR_STRING;
		v->u.str.ptr = (const char *)p;
		v->u.str.len = n;
	} else {
		wr_err_at(r->err, off, "unknown tagged value {\"%s\":...}", key);
		return -1;
	}
	r->depth--;
	return expect(r, JT_RBRACE, "'}' closing the tagged value");
}

static int take_value(jr *r, wr_value *v)
{
	switch (r->tok.type) {
	case JT_NULL: v->type = WR_NULL; break;
	case JT_TRUE: v->type = WR_TRUE; break;
	case JT_FALSE: v->type = WR_FALSE; break;
	case JT_NUMBER:
		v->type = WR_NUMBER;
		if (tok_double(r, &v->u.num))
			return -1;
		break;
	case JT_STRING:
		v->type = WR_STRING;
		return take_string(r, &v->u.str);
	case JT_LBRACE:
		return take_tagged(r, v, TAG_ANY);
	default:
		return fail_expect(r, "a value");
	}
	adv(r);
	return 0;
}

static int take_num(jr *r, double *out)
{
	if (r->tok.type == JT_LBRACE) {
		wr_value v;
		if (take_tagged(r, &v, TAG_NUM_ONLY))
			return -1;
		*out = v.u.num;
		return 0;
	}
	if (r->tok.type != JT_NUMBER)
		return fail_expect(r, "a number");
	if (tok_double(r, out))
		return -1;
	adv(r);
	return 0;
}

/* A wr_str field: "..." or {"raw":"..."}. */
static int take_str(jr *r, wr_str *out)
{
	if (r->tok.type == JT_LBRACE) {
		wr_value v;
		if (take_tagged(r, &v, TAG_STR_ONLY))
			return -1;
		*out = v.u.str;
		return 0;
	}
	return take_string(r, out);
}

static int take_bool(jr *r, int *out)
{
	if (r->tok.type != JT_TRUE && r->tok.type != JT_FALSE)
		return fail_expect(r, "true or false");
	*out = r->tok.type == JT_TRUE;
	adv(r);
	return 0;
}

/* ---- containers ---- */

/* '[' ... ']' with a callback per element; counts against max. */
typedef int (*elem_fn)(jr *r, void *ctx, uint32_t index);

static int take_array(jr *r, uint32_t max, const char *what, elem_fn fn, void *ctx)
{
	if (r->tok.type != JT_LBRACK)
		return fail_expect(r, "'['");
	if (enter(r))
		return -1;
	adv(r);
	uint32_t n = 0;
	if (r->tok.type == JT_RBRACK) {
		adv(r);
		r->depth--;
		return 0;
	}
	for (;;) {
		if (n >= max) {
			wr_err_at(r->err, r->tok.off, "more %s than the limit (%u)", what, (unsigned)max);
			return -1;
		}
		if (fn(r, ctx, n++))
			return -1;
		if (r->tok.type == JT_COMMA) {
			adv(r);
			continue;
		}
		if (r->tok.type == JT_RBRACK)
			break;
		return fail_expect(r, "',' or ']'");
	}
	adv(r);
	r->depth--;
	return 0;
}

/* Value lists (bound args, timer args): parsed into a reused scratch
 * vector, then copied once into an exact-size arena array, as properties
 * are (growing them in the arena left the outgrown blocks behind: 48
 * bytes of model per 2-byte value `0,`). Values never hold lists. */
static int elem_value(jr *r, void *ctx, uint32_t i)
{
	uint32_t *n = ctx;
	if (wr_grow_model(r->s, (void **)&r->vscratch, i, &r->vcap, 64, sizeof *r->vscratch))
		return fail_oom(r);
	memset(&r->vscratch[i], 0, sizeof r->vscratch[0]);
	*n = i + 1;
	return take_value(r, &r->vscratch[i]);
}

static int take_values(jr *r, wr_value **v, uint32_t *n)
{
	uint32_t count = 0;
	if (take_array(r, r->lim->max_props, "values", elem_value, &count))
		return -1;
	*v = NULL;
	*n = count;
	if (count) {
		if ((size_t)(r->vcap - count) * sizeof *r->vscratch > SCRATCH_SLACK)
			wr_shrink_model(r->s, (void **)&r->vscratch, &r->vcap, count, sizeof *r->vscratch);
		*v = wr_alloc(r->s, (size_t)count * sizeof **v);
		if (!*v)
			return fail_oom(r);
		memcpy(*v, r->vscratch, (size_t)count * sizeof **v);
	}
	return 0;
}

/* A property key: keys repeat (every record has the same ones, arrays
 * count "0", "1", ...), so short unescaped keys share one arena copy. */
static int take_key_str(jr *r, wr_str *out)
{
	const js_tok *t = &r->tok;
	if (t->escaped || t->len > KEY_MAX)
		return take_string(r, out);
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < t->len; i++)
		h = (h ^ t->p[i]) * 16777619u;
	h &= KEY_SLOTS - 1;
	if (!r->keys) {
		if (wr_model_charge(r->s, KEY_SLOTS * sizeof *r->keys))
			return fail_oom(r);
		r->keys = calloc(KEY_SLOTS, sizeof *r->keys);
		if (!r->keys)
			return take_string(r, out);
	}
	wr_str *slot = &r->keys[h];
	if (slot->ptr && slot->len == t->len && memcmp(slot->ptr, t->p, t->len) == 0) {
		*out = *slot;
		adv(r);
		return 0;
	}
	if (take_string(r, out))
		return -1;
	*slot = *out;
	return 0;
}

static int take_prop(jr *r, wr_prop *p)
{
	if (r->tok.type != JT_LBRACK)
		return fail_expect(r, "'[' starting a property [key, value, flags?, setter?]");
	if (enter(r))
		return -1;
	adv(r);
	if (r->tok.type == JT_STRING) {
		p->key.type = WR_STRING;
		if (take_key_str(r, &p->key.u.str))
			return -1;
	} else if (r->tok.type == JT_LBRACE) {
		if (take_tagged(r, &p->key, TAG_ANY))
			return -1;
	} else {
		return fail_expect(r, "a property key");
	}
	if (expect(r, JT_COMMA, "',' after the property key"))
		return -1;
	if (take_value(r, &p->value))
		return -1;
	p->flags = WR_PF_WRITABLE | WR_PF_ENUMERABLE | WR_PF_CONFIGURABLE;
	if (r->tok.type == JT_COMMA) {
		adv(r);
		if (r->tok.type != JT_STRING || r->tok.escaped || r->tok.len > 4)
			return fail_expect(r, "property flags (letters of \"weca\")");
		uint32_t f = 0;
		for (size_t i = 0; i < r->tok.len; i++) {
			uint32_t bit = 0;
			switch (r->tok.p[i]) {
			case 'w': bit = WR_PF_WRITABLE; break;
			case 'e': bit = WR_PF_ENUMERABLE; break;
			case 'c': bit = WR_PF_CONFIGURABLE; break;
			case 'a': bit = WR_PF_ACCESSOR; break;
			}
			if (!bit || (f & bit)) {
				wr_err_at(r->err, r->tok.off + 1 + i, "bad property flag '%c'", r->tok.p[i]);
				return -1;
			}
			f |= bit;
		}
		p->flags = f;
		adv(r);
		if (f & WR_PF_ACCESSOR) {
			if (expect(r, JT_COMMA, "',' and the setter of an accessor property"))
				return -1;
			if (take_value(r, &p->setter))
				return -1;
		}
	}
	r->depth--;
	return expect(r, JT_RBRACK, "']' closing the property");
}

/* An object's properties are parsed into a reused scratch vector, then
 * copied once into an exact-size arena array: no regrowth garbage in the
 * arena (properties never nest, so one scratch vector is enough). */
static int elem_prop(jr *r, void *ctx, uint32_t i)
{
	if (wr_grow_model(r->s, (void **)&r->pscratch, i, &r->pcap, 64, sizeof *r->pscratch))
		return fail_oom(r);
	wr_prop *p = &r->pscratch[i];
	memset(p, 0, sizeof *p);
	r->pcount = i + 1;
	return take_prop(r, p);
}

static int take_obj_props(jr *r, uint32_t id)
{
	r->pcount = 0;
	if (take_array(r, r->lim->max_props, "properties", elem_prop, NULL))
		return -1;
	wr_object *o = &r->s->objects[id - 1];
	if (o->nprops) {
		wr_err_at(r->err, r->tok.off, "duplicate \"props\"");
		return -1;
	}
	if (r->pcount) {
		if ((size_t)(r->pcap - r->pcount) * sizeof *r->pscratch > SCRATCH_SLACK)
			wr_shrink_model(r->s, (void **)&r->pscratch, &r->pcap, r->pcount, sizeof *r->pscratch);
		o->props = wr_alloc(r->s, (size_t)r->pcount * sizeof(wr_prop));
		if (!o->props)
			return fail_oom(r);
		memcpy(o->props, r->pscratch, (size_t)r->pcount * sizeof(wr_prop));
		o->nprops = r->pcount;
	}
	return 0;
}

static int elem_global(jr *r, void *ctx, uint32_t i)
{
	wr_prop *p = wr_add_global(r->s);
	if (!p)
		return fail_oom(r);
	return take_prop(r, p);
}

/* p[0..n) for a message, on one line whatever it holds: at most 32 bytes,
 * \xHH for any but printable ASCII */
#define SHOWN_MAX (32 * 4 + 4)
static void show(char out[SHOWN_MAX], const uint8_t *p, size_t len)
{
	size_t n = 0, i;

	for (i = 0; i < len && i < 32; i++) {
		if (p[i] >= 0x20 && p[i] < 0x7f)
			out[n++] = (char)p[i];
		else
			n += (size_t)snprintf(out + n, SHOWN_MAX - n, "\\x%02x", p[i]);
	}
	if (i < len)
		n += (size_t)snprintf(out + n, SHOWN_MAX - n, "...");
	out[n] = '\0';
}

/* '{' "k": v, ... '}' driving fn(key) per member; fn consumes the value. */
typedef int (*member_fn)(jr *r, void *ctx, const char *key, size_t keyoff, uint32_t *seen);

static int take_members(jr *r, member_fn fn, void *ctx)
{
	char key[32];
	uint32_t seen = 0;
	if (r->tok.type != JT_LBRACE)
		return fail_expect(r, "'{'");
	if (enter(r))
		return -1;
	adv(r);
	if (r->tok.type == JT_RBRACE) {
		if (fn(r, ctx, NULL, r->tok.off, &seen))
			return -1;
		adv(r);
		r->depth--;
		return 0;
	}
	for (;;) {
		size_t koff = r->tok.off;
		if (take_key(r, key, sizeof key))
			return -1;
		if (fn(r, ctx, key, koff, &seen))
			return -1;
		if (r->tok.type == JT_COMMA) {
			adv(r);
			continue;
		}
		if (r->tok.type == JT_RBRACE)
			break;
		return fail_expect(r, "',' or '}'");
	}
	if (fn(r, ctx, NULL, r->tok.off, &seen))   /* end: check required members */
		return -1;
	adv(r);
	r->depth--;
	return 0;
}

/* Bit for a member name in a table; duplicate/unknown checks. */
static int member_bit(jr *r, const char *const *names, const char *key, size_t koff,
                      uint32_t *seen, const char *ctxname)
{
	char shown[SHOWN_MAX];
	for (int i = 0; names[i]; i++) {
		if (!strcmp(names[i], key)) {
			if (*seen & (1u << i)) {
				wr_err_at(r->err, koff, "duplicate member \"%s\" in %s", key, ctxname);
				return -1;
			}
			*seen |= 1u << i;
			return i;
		}
	}
	/* the key as decoded: escapes may have made it anything */
	show(shown, (const uint8_t *)key, strlen(key));
	wr_err_at(r->err, koff, "unknown member \"%s\" in %s", shown, ctxname);
	return -1;
}

/* ---- objects ---- */

static const char *const obj_members[] = {
	"kind", "extensible", "env", "proto", "props", "site", "scope", "target",
	"this", "args", "time", "source", "flags", "stack", "value", "bytes",
	"elem", "buffer", "offset", "length", "id", "dynamic", "memory", "fatal", "ignoreBOM",
	"sealed", "frozen", "traceback", "fileName", "lineNumber", "frames", NULL
};
/* "id" (written in pretty mode, for readers) may only come first, before "kind" */
enum { OM_KIND, OM_EXT, OM_ENV, OM_PROTO, OM_PROPS, OM_SITE, OM_SCOPE, OM_TARGET,
       OM_THIS, OM_ARGS, OM_TIME, OM_SOURCE, OM_FLAGS, OM_STACK, OM_VALUE, OM_BYTES,
       OM_ELEM, OM_BUFFER, OM_OFFSET, OM_LENGTH, OM_ID, OM_DYNAMIC, OM_MEMORY, OM_FATAL,
       OM_IGNOREBOM, OM_SEALED, OM_FROZEN, OM_TRACEBACK, OM_FILENAME, OM_LINENUMBER,
       OM_FRAMES };
/* members every kind accepts */
#define OM_COMMON (1u << OM_KIND | 1u << OM_EXT | 1u << OM_ENV | 1u << OM_PROTO | 1u << OM_PROPS | \
                   1u << OM_ID | 1u << OM_SEALED | 1u << OM_FROZEN | 1u << OM_TRACEBACK)

/* which members each kind accepts besides the common ones (OM_COMMON) */
static uint32_t kind_members(uint32_t k)
{
	switch (k) {
	case WR_OBJ_FUNCTION: return 1u << OM_SITE | 1u << OM_SCOPE;
	case WR_OBJ_BOUND: return 1u << OM_TARGET | 1u << OM_THIS | 1u << OM_ARGS;
	case WR_OBJ_DATE: return 1u << OM_TIME;
	case WR_OBJ_REGEXP: return 1u << OM_SOURCE | 1u << OM_FLAGS;
	/* an object's only with the traceback flag (wr_validate) */
	case WR_OBJ_OBJECT: return 1u << OM_FRAMES | 1u << OM_FILENAME | 1u << OM_LINENUMBER;
	case WR_OBJ_ERROR:
		return 1u << OM_STACK | 1u << OM_FRAMES | 1u << OM_FILENAME | 1u << OM_LINENUMBER;
	case WR_OBJ_BOOLEAN: case WR_OBJ_NUMBER: case WR_OBJ_STRING: case WR_OBJ_SYMBOL:
		return 1u << OM_VALUE;
	case WR_OBJ_ARRAYBUFFER: return 1u << OM_BYTES | 1u << OM_MEMORY | 1u << OM_LENGTH;
	case WR_OBJ_PLAINBUFFER: return 1u << OM_BYTES | 1u << OM_DYNAMIC;
	case WR_OBJ_BUFFER: case WR_OBJ_TYPEDARRAY:
		return 1u << OM_ELEM | 1u << OM_BUFFER | 1u << OM_OFFSET | 1u << OM_LENGTH;
	case WR_OBJ_DATAVIEW: return 1u << OM_BUFFER | 1u << OM_OFFSET | 1u << OM_LENGTH;
	case WR_OBJ_TEXTDECODER: return 1u << OM_FATAL | 1u << OM_IGNOREBOM;
	default: return 0;
	}
}

/* "unknown object kind" naming the kind as the input spells it */
static void fail_kind(jr *r)
{
	char shown[SHOWN_MAX];
	show(shown, r->tok.p, r->tok.len);
	wr_err_at(r->err, r->tok.off, "unknown object kind \"%s\" (a newer Ferry may have written this snapshot)",
	          shown);
}

static int obj_member(jr *r, void *ctx, const char *key, size_t koff, uint32_t *seen)
{
	uint32_t id = *(uint32_t *)ctx;
	wr_object *o = &r->s->objects[id - 1];
	if (!key) {
		if (!(*seen & 1u << OM_KIND)) {
			wr_err_at(r->err, koff, "object %u has no \"kind\"", (unsigned)id);
			return -1;
		}
		/* an arraybuffer holds its "bytes", or names the "memory" it
		 * shares and its "length" */
		if (o->kind == WR_OBJ_ARRAYBUFFER && (*seen & 1u << OM_MEMORY ? *seen & 1u << OM_BYTES ||
		                                      !(*seen & 1u << OM_LENGTH) : *seen & 1u << OM_LENGTH)) {
			wr_err_at(r->err, koff, "arraybuffer %u: \"bytes\", or \"memory\" with \"length\"",
			          (unsigned)id);
			return -1;
		}
		return 0;
	}
	int m = member_bit(r, obj_members, key, koff, seen, "an object");
	if (m < 0)
		return -1;
	if (m == OM_ID) {
		size_t off = r->tok.off;
		uint32_t given;
		if (*seen != 1u << OM_ID) {
			wr_err_at(r->err, koff, "\"id\" must be the first member of an object");
			return -1;
		}
		if (take_u32(r, &given, "an object id"))
			return -1;
		if (given != id) {
			wr_err_at(r->err, off, "object id %u at position %u (ids are positions: expected %u)",
			          (unsigned)given, (unsigned)id, (unsigned)id);
			return -1;
		}
		return 0;
	}
	if (m != OM_KIND && !(*seen & 1u << OM_KIND)) {
		wr_err_at(r->err, koff, "\"kind\" must be the first member of an object");
		return -1;
	}
	if (!(OM_COMMON & 1u << m) && !(kind_members(o->kind) & 1u << m)) {
		wr_err_at(r->err, koff, "member \"%s\" not allowed in a %s object", key, wr_kind_name(o->kind));
		return -1;
	}
	int b = 0;
	uint64_t u;
	switch (m) {
	case OM_KIND: {
		if (r->tok.type != JT_STRING)
			return fail_expect(r, "an object kind");
		int k = wr_kind_from((const char *)r->tok.p, r->tok.escaped ? 0 : r->tok.len);
		if (k < 0) {
			fail_kind(r);
			return -1;
		}
		o->kind = (uint32_t)k;
		adv(r);
		return 0;
	}
	case OM_EXT:
		if (take_bool(r, &b))
			return -1;
		if (b) o->flags |= WR_OF_EXTENSIBLE; else o->flags &= ~(uint32_t)WR_OF_EXTENSIBLE;
		return 0;
	case OM_ENV:
		if (take_bool(r, &b))
			return -1;
		if (b) o->flags |= WR_OF_ENV; else o->flags &= ~(uint32_t)WR_OF_ENV;
		return 0;
	case OM_SEALED:
	case OM_FROZEN:
	case OM_TRACEBACK: {
		uint32_t f = m == OM_SEALED ? WR_OF_SEALED : m == OM_FROZEN ? WR_OF_FROZEN : WR_OF_TRACEBACK;
		if (take_bool(r, &b))
			return -1;
		if (b) o->flags |= f; else o->flags &= ~f;
		return 0;
	}
	case OM_PROTO: return take_value(r, &o->proto);
	case OM_PROPS: return take_obj_props(r, id);
	case OM_SITE: return take_u32(r, &o->u.fn.site, "a site id");
	case OM_SCOPE: return take_value(r, &o->u.fn.env);
	case OM_TARGET: return take_value(r, &o->u.bound.target);
	case OM_THIS: return take_value(r, &o->u.bound.self);
	case OM_ARGS: {
		wr_value *v;
		uint32_t n;
		if (take_values(r, &v, &n))
			return -1;
		o = &r->s->objects[id - 1];
		o->u.bound.args = v;
		o->u.bound.nargs = n;
		return 0;
	}
	case OM_TIME: return take_num(r, &o->u.num);
	case OM_SOURCE: return take_str(r, &o->u.regexp.source);
	case OM_FLAGS: return take_str(r, &o->u.regexp.flags);
	case OM_STACK:
	case OM_FRAMES:
		/* one of the two: the whole text (older), or the frames */
		if (*seen & (m == OM_STACK ? 1u << OM_FRAMES : 1u << OM_STACK)) {
			wr_err_at(r->err, koff, "an error has \"stack\" or \"frames\", not both");
			return -1;
		}
		if (m == OM_FRAMES)
			o->u.trace.has |= WR_TR_FRAMES;
		return take_str(r, &o->u.trace.stack);
	case OM_FILENAME:
		o->u.trace.has |= WR_TR_FILE;
		return take_str(r, &o->u.trace.file);
	case OM_LINENUMBER:
		o->u.trace.has |= WR_TR_LINE;
		return take_num(r, &o->u.trace.line);
	case OM_VALUE: return take_value(r, &o->u.prim);
	case OM_BYTES: return take_b64(r, &o->u.bytes.ptr, &o->u.bytes.len);
	case OM_DYNAMIC:
		if (take_bool(r, &b))
			return -1;
		o->u.bytes.dynamic = b != 0;
		return 0;
	case OM_FATAL:
	case OM_IGNOREBOM:
		if (take_bool(r, &b))
			return -1;
		if (b)
			o->u.textdec.flags |= m == OM_FATAL ? WR_TD_FATAL : WR_TD_IGNORE_BOM;
		return 0;
	case OM_MEMORY: {
		wr_value v;
		size_t off = r->tok.off;
		if (take_value(r, &v))
			return -1;
		if (v.type != WR_REF) {
			wr_err_at(r->err, off, "\"memory\" must be a reference to a buffer");
			return -1;
		}
		o->u.bytes.memory = v.u.ref;
		return 0;
	}
	case OM_ELEM: {
		if (r->tok.type != JT_STRING)
			return fail_expect(r, "an element type");
		int e = wr_elem_from((const char *)r->tok.p, r->tok.escaped ? 0 : r->tok.len);
		if (e < 0) {
			wr_err_at(r->err, r->tok.off, "unknown element type");
			return -1;
		}
		o->u.view.elem = (uint32_t)e;
		adv(r);
		return 0;
	}
	case OM_BUFFER: return take_value(r, &o->u.view.buffer);
	case OM_OFFSET: return take_u32(r, &o->u.view.offset, "a byte offset");
	case OM_LENGTH:
		if (take_u64(r, UINT32_MAX, &u, "a length"))
			return -1;
		if (o->kind == WR_OBJ_ARRAYBUFFER)
			o->u.bytes.len = (uint32_t)u;
		else
			o->u.view.length = (uint32_t)u;
		return 0;
	}
	return 0;
}

static int elem_object(jr *r, void *ctx, uint32_t i)
{
	uint32_t id;
	if (!wr_add_object(r->s, &id) ||
	    wr_grow_model(r->s, (void **)&r->obj_off, id - 1, &r->obj_off_cap, 64, sizeof *r->obj_off))
		return fail_oom(r);
	r->obj_off[id - 1] = r->tok.off;
	return take_members(r, obj_member, &id);
}

/* ---- symbols, timers, patches ---- */

static const char *const sym_members[] = { "kind", "desc", NULL };

static int sym_member(jr *r, void *ctx, const char *key, size_t koff, uint32_t *seen)
{
	wr_symbol *y = &r->s->symbols[*(uint32_t *)ctx - 1];
	if (!key)
		return 0;
	int m = member_bit(r, sym_members, key, koff, seen, "a symbol");
	if (m < 0)
		return -1;
	if (m == 0) {
		if (r->tok.type != JT_STRING)
			return fail_expect(r, "a symbol kind");
		int k = wr_symkind_from((const char *)r->tok.p, r->tok.escaped ? 0 : r->tok.len);
		if (k < 0) {
			wr_err_at(r->err, r->tok.off, "unknown symbol kind");
			return -1;
		}
		y->kind = (uint32_t)k;
		adv(r);
		return 0;
	}
	y->has_desc = 1;
	return take_str(r, &y->desc);
}

static int elem_symbol(jr *r, void *ctx, uint32_t i)
{
	uint32_t id;
	if (!wr_add_symbol(r->s, &id))
		return fail_oom(r);
	return take_members(r, sym_member, &id);
}

static const char *const timer_members[] = {
	"kind", "id", "remaining", "period", "seq", "callback", "args", NULL
};

static int timer_member(jr *r, void *ctx, const char *key, size_t koff, uint32_t *seen)
{
	uint32_t idx = *(uint32_t *)ctx;
	wr_timer *t = &r->s->timers[idx];
	if (!key) {
		/* every timer has one (wr_validate): checked here so that
		 * `{},` cannot add a 72-byte timer per 3 bytes of input */
		if (!(*seen & 1u << 5)) {
			wr_err_at(r->err, koff, "a timer needs \"callback\"");
			return -1;
		}
		return 0;
	}
	int m = member_bit(r, timer_members, key, koff, seen, "a timer");
	switch (m) {
	case 0: {
		if (r->tok.type != JT_STRING)
			return fail_expect(r, "a timer kind");
		int k = wr_tkind_from((const char *)r->tok.p, r->tok.escaped ? 0 : r->tok.len);
		if (k < 0) {
			wr_err_at(r->err, r->tok.off, "unknown timer kind");
			return -1;
		}
		t->kind = (uint32_t)k;
		adv(r);
		return 0;
	}
	case 1: return take_num(r, &t->id);
	case 2: return take_num(r, &t->remaining);
	case 3: return take_num(r, &t->period);
	case 4: return take_u64(r, UINT64_MAX, &t->seq, "a sequence number");
	case 5: return take_value(r, &t->callback);
	case 6: {
		wr_value *v;
		uint32_t n;
		if (take_values(r, &v, &n))
			return -1;
		t = &r->s->timers[idx];
		t->args = v;
		t->nargs = n;
		return 0;
	}
	}
	return -1;
}

static int elem_timer(jr *r, void *ctx, uint32_t i)
{
	if (!wr_add_timer(r->s))
		return fail_oom(r);
	uint32_t idx = r->s->ntimers - 1;
	return take_members(r, timer_member, &idx);
}

static const char *const patch_members[] = { "holder", "deleted", "prop", "integrity", NULL };

/* "nonextensible", "sealed" or "frozen": p's integrity level */
static int take_integrity(jr *r, wr_patch *p)
{
	static const char *const level[] = { "nonextensible", "sealed", "frozen" };
	size_t at = r->tok.off;
	wr_str s;
	if (take_str(r, &s) < 0)
		return -1;
	for (int i = 0; i < 3; i++)
		if (s.len == strlen(level[i]) && memcmp(s.ptr, level[i], s.len) == 0) {
			wr_patch_integrity(p, WR_INTEGRITY_NONEXT + i);
			return 0;
		}
	wr_err_at(r->err, at, "a patch's \"integrity\" is \"nonextensible\", \"sealed\" or \"frozen\"");
	return -1;
}

static int patch_member(jr *r, void *ctx, const char *key, size_t koff, uint32_t *seen)
{
	wr_patch *p = &r->s->patches[*(uint32_t *)ctx];
	if (!key) {
		/* holder, and either prop (deleted optional) or integrity alone */
		if (!(*seen & 1u) || ((*seen & 4u) != 0) == ((*seen & 8u) != 0) ||
		    ((*seen & 8u) && (*seen & 2u))) {
			wr_err_at(r->err, koff, "a patch needs \"holder\" and either \"prop\" "
			          "or (alone) \"integrity\"");
			return -1;
		}
		return 0;
	}
	int m = member_bit(r, patch_members, key, koff, seen, "a patch");
	switch (m) {
	case 0: return take_str(r, &p->holder);
	case 1: return take_bool(r, &p->deleted);
	case 2: return take_prop(r, &p->prop);
	case 3:
		return take_integrity(r, p);
	}
	return -1;
}

static int elem_patch(jr *r, void *ctx, uint32_t i)
{
	if (!wr_add_patch(r->s))
		return fail_oom(r);
	uint32_t idx = r->s->npatches - 1;
	return take_members(r, patch_member, &idx);
}

/* ---- top level ---- */

static const char *const top_members[] = {
	"format", "version", "hash", "created", "created_utc", "next_timer_id",
	"next_seq", "globals", "symbols", "objects", "timers", "patches",
	"loop_phase", "phase_seq", NULL
};

static int top_member(jr *r, void *ctx, const char *key, size_t koff, uint32_t *seen)
{
	wr_snapshot *s = r->s;
	if (!key) {
		if ((*seen & 7u) != 7u) {
			wr_err_at(r->err, koff, "snapshot lacks \"%s\"",
			          !(*seen & 1u) ? "format" : !(*seen & 2u) ? "version" : "hash");
			return -1;
		}
		return 0;
	}
	int m = member_bit(r, top_members, key, koff, seen, "the snapshot");
	if (m < 0)
		return -1;
	if (m != 0 && !(*seen & 1u)) {
		wr_err_at(r->err, koff, "not a ferry snapshot: \"format\" must come first");
		return -1;
	}
	switch (m) {
	case 0:
		if (!tok_is(&r->tok, "ferry-snapshot") || r->tok.type != JT_STRING) {
			wr_err_at(r->err, r->tok.off, "not a ferry snapshot (format \"ferry-snapshot\" expected)");
			return -1;
		}
		adv(r);
		return 0;
	case 1: {
		size_t off = r->tok.off;
		if (take_u32(r, &s->version, "a version number"))
			return -1;
		if (s->version != WR_FORMAT_VERSION) {
			wr_err_at(r->err, off, "unsupported snapshot version %u (this build reads version %u)",
			          (unsigned)s->version, WR_FORMAT_VERSION);
			return -1;
		}
		return 0;
	}
	case 2: {
		if (r->tok.type != JT_STRING || r->tok.len != 64 || r->tok.escaped)
			return fail_expect(r, "a program hash (64 hex digits)");
		for (int i = 0; i < 64; i++) {
			uint8_t c = r->tok.p[i];
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
				wr_err_at(r->err, r->tok.off + 1 + (size_t)i, "bad hex digit in the program hash");
				return -1;
			}
		}
		for (int i = 0; i < 32; i++)
			s->hash[i] = (uint8_t)(hexv(r->tok.p[2 * i]) << 4 | hexv(r->tok.p[2 * i + 1]));
		adv(r);
		return 0;
	}
	case 3: return take_num(r, &s->created);
	case 4: {   /* informational only */
		wr_str ignored;
		return take_string(r, &ignored);
	}
	case 5: return take_num(r, &s->next_timer_id);
	case 6: return take_u64(r, UINT64_MAX, &s->next_seq, "a sequence number");
	case 7: r->sec_off[0] = r->tok.off; return take_array(r, r->lim->max_props, "globals", elem_global, NULL);
	case 8: r->sec_off[1] = r->tok.off; return take_array(r, r->lim->max_objects, "symbols", elem_symbol, NULL);
	case 9: r->sec_off[4] = r->tok.off; return take_array(r, r->lim->max_objects, "objects", elem_object, NULL);
	case 10: r->sec_off[2] = r->tok.off; return take_array(r, r->lim->max_objects, "timers", elem_timer, NULL);
	case 11: r->sec_off[3] = r->tok.off; return take_array(r, r->lim->max_objects, "patches", elem_patch, NULL);
	case 12: return take_u32(r, &s->loop_phase, "a loop phase");
	case 13: return take_u64(r, UINT64_MAX, &s->phase_seq, "a sequence number");
	}
	return -1;
}

int wr_json_read(const void *data, size_t len, const wr_limits *lim,
                 wr_snapshot **out, wr_error *err)
{
	wr_limits dl;
	jr r;
	int rc = -1;

	*out = NULL;
	if (!lim) {
		wr_limits_default(&dl);
		lim = &dl;
	}
	if (len > lim->max_bytes) {
		wr_err_at(err, lim->max_bytes, "input larger than the limit (%zu bytes)", lim->max_bytes);
		return -1;
	}
	memset(&r, 0, sizeof r);
	r.lim = lim;
	r.err = err;
	r.s = wr_snapshot_new();
	if (!r.s) {
		wr_err_at(err, 0, "out of memory");
		return -1;
	}
	wr_model_budget(r.s, lim->max_model);
	js_init(&r.sc, data, len);
	adv(&r);
	if (r.tok.type != JT_LBRACE) {
		fail_expect(&r, "'{' starting a ferry snapshot");
		goto done;
	}
	if (take_members(&r, top_member, NULL))
		goto done;
	if (r.tok.type == JT_ERROR) {
		/* bytes after the snapshot that are not even a token: say that, as
		 * msgpack's reader does, not what token they fail to be */
		unsigned char ch = r.tok.off < len ? ((const unsigned char *)data)[r.tok.off] : 0;
		if (ch > 0x20 && ch < 0x7f && ch != '\'' && ch != '\\')
			wr_err_at(err, r.tok.off, "expected end of input after the snapshot, found '%c'", ch);
		else
			wr_err_at(err, r.tok.off, "expected end of input after the snapshot, found byte 0x%02x", ch);
		goto done;
	}
	if (r.tok.type != JT_EOF) {
		fail_expect(&r, "end of input after the snapshot");
		goto done;
	}
	if (wr_validate_located(r.s, r.sec_off, r.obj_off, r.s->nobjects, err))
		goto done;
	rc = 0;
done:
	free(r.obj_off);
	free(r.pscratch);
	free(r.vscratch);
	free(r.keys);
	if (rc) {
		wr_snapshot_free(r.s);
	} else {
		*out = r.s;
	}
	return rc;
}
