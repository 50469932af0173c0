"""A schedule event as `takvim --json` gives it (core.events.Event.to_json): the exact key set and values."""

from __future__ import annotations

import datetime as dt

from gockurul_excel.core.events import DONE, Event


def test_to_json_keys_and_values():
    e = Event("tutanak_teblig", dt.date(2025, 3, 7), "Tutanak tebliği (M9(4))", "M9(4)", DONE, "k1", "3", True,
              "Seyhan", dt.date(2025, 3, 10), True)
    assert e.to_json() == {"tur": "tutanak_teblig", "tarih": "2025-03-07", "toplanti_no": "3",
                           "aciklama": "Tutanak tebliği (M9(4))", "madde": "M9(4)", "durum": "tamamlandi",
                           "oneri": True, "ilce": "Seyhan", "yasal_son_tarih": "2025-03-10", "tahmini": True}


def test_to_json_defaults_limit_is_the_date():
    e = Event("il_gkk", dt.date(2025, 1, 20), "İl GKK", "M7(1)", DONE, "k2")
    assert e.to_json() == {"tur": "il_gkk", "tarih": "2025-01-20", "toplanti_no": None, "aciklama": "İl GKK",
                           "madde": "M7(1)", "durum": "tamamlandi", "oneri": False, "ilce": None,
                           "yasal_son_tarih": "2025-01-20", "tahmini": False}
