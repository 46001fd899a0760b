# tests/local.mk -- one Check runner per module plus end-to-end suites.
EXTRA_DIST += tests/summary.sh
