"""The Göç Kurulu buttons as xlwings Server custom scripts: each calls the gockurul_excel.makro function of the
same name with the book the Office.js client sent (the same functions as the desktop ribbon and xlwings Lite).
`name` is the Turkish label; `include` sends only the sheets the button reads (makro.SHEETS_READ).
On the server the call does not come here: gockurul_excel.server's own route runs the makro function in a worker
process, off the event loop and within the time limit; these declare the buttons (names, sheets) to the client."""

import xlwings as xw
from xlwings.server import script  # the server decorator, whatever imported xlwings first

from gockurul_excel import makro

__all__ = list(makro.BUTTONS)


def _options(button: str) -> dict:
    return {"name": makro.BUTTONS[button], "include": list(makro.SHEETS_READ[button])}


@script(**_options("kontrol_et"))
def kontrol_et(book: xw.Book):
    makro.kontrol_et(book)


@script(**_options("takvimi_hesapla"))
def takvimi_hesapla(book: xw.Book):
    makro.takvimi_hesapla(book)


@script(**_options("tutanak"))
def tutanak(book: xw.Book):
    makro.tutanak(book)


@script(**_options("katilimci_listesi"))
def katilimci_listesi(book: xw.Book):
    makro.katilimci_listesi(book)


@script(**_options("yillik_rapor"))
def yillik_rapor(book: xw.Book):
    makro.yillik_rapor(book)


@script(**_options("gundem_ve_davet"))
def gundem_ve_davet(book: xw.Book):
    makro.gundem_ve_davet(book)


@script(**_options("toplanti_daveti"))
def toplanti_daveti(book: xw.Book):
    makro.toplanti_daveti(book)


@script(**_options("il_mudurlugune_gonder"))
def il_mudurlugune_gonder(book: xw.Book):
    makro.il_mudurlugune_gonder(book)


@script(**_options("eylem_plani"))
def eylem_plani(book: xw.Book):
    makro.eylem_plani(book)


@script(**_options("platform_dosyalari"))
def platform_dosyalari(book: xw.Book):
    makro.platform_dosyalari(book)


@script(**_options("ilce_kitaplarini_birlestir"))
def ilce_kitaplarini_birlestir(book: xw.Book):
    makro.ilce_kitaplarini_birlestir(book)


@script(**_options("pdf"))
def pdf(book: xw.Book):
    makro.pdf(book)


@script(**_options("yeni_yila_devret"))
def yeni_yila_devret(book: xw.Book):
    makro.yeni_yila_devret(book)
