# rewriter/instrument.mk -- instrumentation, restore-table emitter, ferryc's build step.
