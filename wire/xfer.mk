# wire/xfer.mk -- over-the-air transfer: frames, acknowledgement, authentication.
