# runtime/local.mk -- the device runtime (libferry).
include_HEADERS += runtime/ferry.h
