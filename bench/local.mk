# bench/local.mk -- `make bench` / `make bench-quick`: performance figures
# (never timed tests). Module fragments add their targets to BENCH_TARGETS
# and BENCH_QUICK_TARGETS; each writes a markdown section and plot data into
# bench/out/ of the build tree (see bench/report.sh), and the report step
# assembles bench/results.md and the SVG plots in the source tree.
EXTRA_DIST += bench/report.sh bench/results.md bench/ferryc_scale.sh bench/micro/patterns.js
EXTRA_DIST += bench/overhead.svg bench/scaling-heap.svg bench/scaling-ferryc.svg
BENCH_TARGETS += bench-ferryc bench-patterns
BENCH_QUICK_TARGETS += bench-ferryc-quick bench-patterns-quick
# every bench target writes its section and data here
BENCH_OUT = $(abs_top_builddir)/bench/out

# each run starts from an empty output directory (no stale section of an
# earlier quick or full run) and records its start time and the load average
BENCH_START = rm -rf '$(BENCH_OUT)' && $(MKDIR_P) '$(BENCH_OUT)' && \
	date +%s > '$(BENCH_OUT)/time-start' && \
	{ cat /proc/loadavg > '$(BENCH_OUT)/load-start' 2>/dev/null || :; }

bench: all
	@$(BENCH_START)
	@rc=0; for t in $(BENCH_TARGETS); do \
	  $(MAKE) $(AM_MAKEFLAGS) BENCH_OUT='$(BENCH_OUT)' $$t || rc=1; done; \
	QUICK= $(SHELL) $(srcdir)/bench/report.sh '$(BENCH_OUT)' '$(abs_top_srcdir)'; exit $$rc
bench-quick: all
	@$(BENCH_START)
	@rc=0; for t in $(BENCH_QUICK_TARGETS); do \
	  $(MAKE) $(AM_MAKEFLAGS) BENCH_OUT='$(BENCH_OUT)' QUICK=1 $$t || rc=1; done; \
	QUICK=1 $(SHELL) $(srcdir)/bench/report.sh '$(BENCH_OUT)' '$(abs_top_srcdir)'; exit $$rc

# ferryc's own throughput against source size (10 KB .. 10 MB)
bench-ferryc: ferryc$(EXEEXT)
	@bash $(srcdir)/bench/ferryc_scale.sh '$(abs_top_builddir)' '$(abs_top_srcdir)' '$(BENCH_OUT)'
bench-ferryc-quick: ferryc$(EXEEXT)
	@QUICK=1 bash $(srcdir)/bench/ferryc_scale.sh '$(abs_top_builddir)' '$(abs_top_srcdir)' '$(BENCH_OUT)'

# cost of candidate instrumentation shapes on this Duktape (doc/measurements.md);
# the small size in both runs: the full one (2M iterations) takes minutes
bench-patterns bench-patterns-quick: ferryc$(EXEEXT) runtime/libferry.a
	@$(MKDIR_P) '$(BENCH_OUT)/patterns'
	@FERRY_RUNTIME_DIR='$(abs_top_builddir)' ./ferryc$(EXEEXT) --plain \
	  -o '$(BENCH_OUT)/patterns' $(srcdir)/bench/micro/patterns.js
	@{ echo '## Cost of instrumentation shapes (micro-benchmark)'; echo; \
	  echo 'Plain build of `bench/micro/patterns.js --quick` (200000 iterations per case), best of 3 per case; wall time, so only the ratios matter.'; \
	  echo; '$(BENCH_OUT)/patterns/patterns' -- --quick; } > '$(BENCH_OUT)/patterns.md'
	@cat '$(BENCH_OUT)/patterns.md'
.PHONY: bench bench-quick $(BENCH_TARGETS) $(BENCH_QUICK_TARGETS)
