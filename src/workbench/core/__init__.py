"""The pure core: text and data in, data out. No I/O, no UI."""
