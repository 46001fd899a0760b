# lexer/local.mk -- the re2c JavaScript tokenizer and the Ragel line scanner.
# The generated C lives in $(srcdir) so release tarballs ship it (a tarball
# build needs neither re2c nor Ragel); git ignores it.
