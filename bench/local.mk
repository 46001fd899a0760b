# bench/local.mk -- `make bench` / `make bench-quick`: performance figures
# (never timed tests). Module fragments add their targets to BENCH_TARGETS
# and BENCH_QUICK_TARGETS.
bench: $(BENCH_TARGETS)
bench-quick: $(BENCH_QUICK_TARGETS)
.PHONY: bench bench-quick $(BENCH_TARGETS) $(BENCH_QUICK_TARGETS)
