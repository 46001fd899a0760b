# wire/xfer.mk -- the msgpack snapshot codec and over-the-air transfer:
# frames, acknowledgement, authentication (part of libferry).
runtime_libferry_a_SOURCES += \
	wire/msgpack_ext.h wire/msgpack_write.c wire/msgpack_read.c
