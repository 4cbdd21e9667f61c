"""The ``dateline`` command line: thin commands over the library."""
