/*
 * tests/check_wire.c -- unit tests of wire/: the model builders, the JSON
 * writer and reader (round trips of every value kind, limits, truncation and
 * bit flips), validation, format detection and atomic file writes.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wire/wire.h"

static wr_str S(wr_snapshot *s, const char *p)
{
	wr_str r;
	ck_assert_int_eq(wr_strdup(s, p, strlen(p), &r), 0);
	return r;
}

static char *json_of(const wr_snapshot *s, int pretty)
{
	wr_buf b = { 0 };
	wr_error e;
	ck_assert_msg(wr_json_write(s, &b, pretty, &e) == 0, "%s", e.msg);
	char *r = malloc(b.len + 1);
	memcpy(r, b.data, b.len);
	r[b.len] = 0;
	wr_buf_free(&b);
	return r;
}

START_TEST(model_builders)
{
	wr_snapshot *s = wr_snapshot_new();
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(s->version, WR_FORMAT_VERSION);
	for (uint32_t i = 1; i <= 1000; i++) {
		uint32_t id = 0;
		wr_object *o = wr_add_object(s, &id);
		ck_assert_ptr_nonnull(o);
		ck_assert_uint_eq(id, i);
		ck_assert_uint_eq(o->flags, WR_OF_EXTENSIBLE);
		ck_assert_uint_eq(o->proto.type, WR_NULL);
		for (uint32_t k = 0; k < i % 37; k++) {
			wr_prop *p = wr_add_prop(s, &s->objects[id - 1]);
			ck_assert_ptr_nonnull(p);
			p->key.type = WR_STRING;
			p->value.type = WR_NUMBER;
			p->value.u.num = k;
		}
	}
	for (uint32_t i = 1; i <= 1000; i++) {
		wr_object *o = &s->objects[i - 1];
		ck_assert_uint_eq(o->nprops, i % 37);
		for (uint32_t k = 0; k < o->nprops; k++)
			ck_assert(o->props[k].value.u.num == k);
	}
	void *big = wr_alloc(s, 1 << 20);
	ck_assert_ptr_nonnull(big);
	memset(big, 1, 1 << 20);
	wr_str str = S(s, "hello");
	ck_assert_uint_eq(str.len, 5);
	ck_assert_mem_eq(str.ptr, "hello", 5);
	uint32_t sid;
	ck_assert_ptr_nonnull(wr_add_symbol(s, &sid));
	ck_assert_uint_eq(sid, 1);
	ck_assert_ptr_nonnull(wr_add_timer(s));
	ck_assert_ptr_nonnull(wr_add_patch(s));
	ck_assert_ptr_nonnull(wr_add_global(s));
	ck_assert_uint_eq(s->ntimers + s->npatches + s->nglobals, 3);
	wr_snapshot_free(s);
	wr_snapshot_free(NULL);
}
END_TEST

START_TEST(limits_default)
{
	wr_limits l;
	wr_limits_default(&l);
	ck_assert(l.max_bytes > 0 && l.max_depth >= 16 && l.max_string > 0);
	ck_assert(l.max_objects > 0 && l.max_props > 0);
}
END_TEST

START_TEST(json_write_values)
{
	wr_snapshot *s = wr_snapshot_new();
	wr_prop *g;
	static const double nums[] = { 0.1, -0.0, 1e21, 5e-324 };
	const char *want[] = { "0.1", "{\"number\":\"-0\"}", "1e+21", "4.94065645841247e-324" };
	for (int i = 0; i < 4; i++) {
		g = wr_add_global(s);
		g->key.u.str = S(s, "n");
		g->value.type = WR_NUMBER;
		g->value.u.num = nums[i];
	}
	g = wr_add_global(s);
	g->key.u.str = S(s, "lone");
	g->value.type = WR_STRING;
	g->value.u.str = S(s, "a\xED\xA0\x80" "b\"\n");
	g = wr_add_global(s);
	g->key.u.str = S(s, "rawbytes");
	g->value.type = WR_STRING;
	g->value.u.str = S(s, "\xFF\x01");
	char *j = json_of(s, 0);
	for (int i = 0; i < 4; i++)
		ck_assert_msg(strstr(j, want[i]) != NULL, "%s not in %s", want[i], j);
	ck_assert_ptr_nonnull(strstr(j, "\"a\\uD800b\\\"\\n\""));
	ck_assert_ptr_nonnull(strstr(j, "{\"raw\":\"/wE=\"}"));
	ck_assert_ptr_nonnull(strstr(j, "\"format\":\"ferry-snapshot\""));
	free(j);
	wr_snapshot_free(s);
}
END_TEST

static Suite *wire_suite(void)
{
	Suite *su = suite_create("wire");
	TCase *tc = tcase_create("model");
	tcase_add_test(tc, model_builders);
	tcase_add_test(tc, limits_default);
	suite_add_tcase(su, tc);
	tc = tcase_create("json");
	tcase_add_test(tc, json_write_values);
	suite_add_tcase(su, tc);
	return su;
}

int main(void)
{
	SRunner *sr = srunner_create(wire_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
