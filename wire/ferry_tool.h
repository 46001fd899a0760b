/*
 * wire/ferry_tool.h -- internals of the `ferry` command-line tool (prefix
 * ft_): loading a snapshot file, and the inspect subcommand. Not installed.
 */
#ifndef FERRY_WIRE_FERRY_TOOL_H
#define FERRY_WIRE_FERRY_TOOL_H

#include <stdio.h>
#include "wire/wire.h"

typedef struct ft_snap {
	const char *path;
	wr_format   fmt;
	size_t      size;      /* bytes of the file */
	wr_snapshot *s;
} ft_snap;

/* Read, detect, decode and validate; prints "ferry: PATH: byte N: ..." on
 * failure and returns -1. */
int  ft_load(const char *path, ft_snap *out);
void ft_unload(ft_snap *fs);

/* `ferry inspect`: the human summary (top = how many largest values). */
int  ft_inspect_summary(const ft_snap *fs, FILE *out, unsigned top);

/* lower-case hex of a 32-byte hash into out[65] */
void ft_hex(const uint8_t hash[32], char out[65]);

#endif
