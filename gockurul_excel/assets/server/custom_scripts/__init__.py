"""The Göç Kurulu buttons as xlwings Server custom scripts: each calls the gockurul_excel.makro function of the
same name with the book the Office.js client sent (the same functions as the desktop ribbon and xlwings Lite).
`name` is the Turkish label; `include` sends only the sheets the button reads (makro.SHEETS_READ).
Each is async and runs its button in a worker process off the event loop, within the time limit
(server.run_button): a heavy book never blocks `GET /` or another user."""

import xlwings as xw
from xlwings.server import script  # the server decorator, whatever imported xlwings first

from gockurul_excel import makro
from gockurul_excel.server import run_button

__all__ = list(makro.BUTTONS)


def _options(button: str) -> dict:
    return {"name": makro.BUTTONS[button], "include": list(makro.SHEETS_READ[button])}


@script(**_options("kontrol_et"))
async def kontrol_et(book: xw.Book):
    await run_button("kontrol_et", book)


@script(**_options("takvimi_hesapla"))
async def takvimi_hesapla(book: xw.Book):
    await run_button("takvimi_hesapla", book)


@script(**_options("tutanak"))
async def tutanak(book: xw.Book):
    await run_button("tutanak", book)


@script(**_options("katilimci_listesi"))
async def katilimci_listesi(book: xw.Book):
    await run_button("katilimci_listesi", book)


@script(**_options("yillik_rapor"))
async def yillik_rapor(book: xw.Book):
    await run_button("yillik_rapor", book)


@script(**_options("gundem_ve_davet"))
async def gundem_ve_davet(book: xw.Book):
    await run_button("gundem_ve_davet", book)


@script(**_options("toplanti_daveti"))
async def toplanti_daveti(book: xw.Book):
    await run_button("toplanti_daveti", book)


@script(**_options("eylem_plani"))
async def eylem_plani(book: xw.Book):
    await run_button("eylem_plani", book)


@script(**_options("platform_dosyalari"))
async def platform_dosyalari(book: xw.Book):
    await run_button("platform_dosyalari", book)


@script(**_options("ilce_kitaplarini_birlestir"))
async def ilce_kitaplarini_birlestir(book: xw.Book):
    await run_button("ilce_kitaplarini_birlestir", book)


@script(**_options("pdf"))
async def pdf(book: xw.Book):
    await run_button("pdf", book)


@script(**_options("yeni_yila_devret"))
async def yeni_yila_devret(book: xw.Book):
    await run_button("yeni_yila_devret", book)
