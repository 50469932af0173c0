"""No worksheet functions: the Göç Kurulu add-in has buttons only (an empty module keeps xlwings-server from
loading its examples)."""
