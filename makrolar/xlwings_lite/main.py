"""xlwings Lite: the Göç Kurulu buttons for offices without a local Python (Excel add-in, Pyodide)."""

import xlwings as xw
from xlwings import script

from gockurul_excel import makro


@script
def kontrol_et(book: xw.Book):
    makro.kontrol_et(book)


@script
def takvimi_hesapla(book: xw.Book):
    makro.takvimi_hesapla(book)


@script
def tutanak(book: xw.Book):
    makro.tutanak(book)


@script
def katilimci_listesi(book: xw.Book):
    makro.katilimci_listesi(book)


@script
def yillik_rapor(book: xw.Book):
    makro.yillik_rapor(book)


@script
def gundem_ve_davet(book: xw.Book):
    makro.gundem_ve_davet(book)


@script
def eylem_plani(book: xw.Book):
    makro.eylem_plani(book)


@script
def platform_dosyalari(book: xw.Book):
    makro.platform_dosyalari(book)


@script
def ilce_kitaplarini_birlestir(book: xw.Book):
    makro.ilce_kitaplarini_birlestir(book)


@script
def pdf(book: xw.Book):
    makro.pdf(book)


@script
def yeni_yila_devret(book: xw.Book):
    makro.yeni_yila_devret(book)
