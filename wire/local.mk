# wire/local.mk -- snapshot model and codecs (part of libferry).
