# runtime/snapshot.mk -- snapshot walker (heap -> model) and restore (model -> heap).
