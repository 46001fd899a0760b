# gen/local.mk -- build-time generators (gen/ owns tools that turn data into C).
