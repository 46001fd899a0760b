# rewriter/local.mk -- parser, scope analysis, instrumentation, emitters, ferryc.
