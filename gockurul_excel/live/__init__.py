"""L4, the xlwings backend: a live `xw.Book` (desktop, xlwings Lite, xlwings Server) read and written in a
constant number of round trips. Never imports `files`."""
