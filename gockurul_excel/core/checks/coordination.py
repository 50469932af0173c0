"""KURALLAR §6, the coordination circular: projects have the Presidency's favourable opinion before they start
(GK(a)) and report to it (GK(ç)); statistics are coordinated before publication and shared (GK(b), GK(c))."""

from __future__ import annotations

from collections.abc import Iterator

from ... import rules
from ...findings import ERROR, WARNING, Finding
from ..meetings import number_text
from ..model import TEMPLATE_RULE
from ..schedule import project_reports
from ..text import tr_date
from .registry import Context, check, record_label

INTERVAL = "Ara Rapor Sıklığı (Ay)"


@check(rules.PROJECT_OPINION_ARTICLE, TEMPLATE_RULE)
def projects(ctx: Context) -> Iterator[Finding]:
    art = rules.PROJECT_OPINION_ARTICLE
    for r in ctx.data.records("Projeler"):
        no, start, opinion, when = (
            record_label(r, "Proje No", "Proje"),
            r["Başlangıç"],
            r["Başkanlık Görüşü"],
            r["Görüş Tarihi"],
        )
        if opinion in (rules.OPINION_FAVOURABLE, rules.OPINION_UNFAVOURABLE) and not when:
            yield Finding(
                WARNING,
                art,
                "Projeler",
                r.cell("Görüş Tarihi"),
                f"{no}: Başkanlık görüşü '{opinion}' ama görüş tarihi boş.",
            )
        if start and start <= ctx.today:
            if opinion != rules.OPINION_FAVOURABLE:
                yield Finding(
                    ERROR,
                    art,
                    "Projeler",
                    r.cell("Başlangıç"),
                    f"{no} {start:%d.%m.%Y} tarihinde başlamış ama Başkanlığın uygun görüşü yok "
                    f"(görüş: {opinion or 'boş'}); görüş hazırlık aşamasında alınır.",
                )
            elif when and start < when:
                yield Finding(
                    ERROR,
                    art,
                    "Projeler",
                    r.cell("Başlangıç"),
                    f"{no} uygun görüşten ({when:%d.%m.%Y}) önce başlamış ({start:%d.%m.%Y}).",
                )
        end = r["Bitiş"]
        if start and end and end < start:
            yield Finding(ERROR, TEMPLATE_RULE, "Projeler", r.cell("Bitiş"), f"{no}: bitiş tarihi başlangıçtan önce.")


@check(rules.STATISTICS_COORDINATED_ARTICLE, rules.STATISTICS_SHARED_ARTICLE)
def statistics(ctx: Context) -> Iterator[Finding]:
    for r in ctx.data.records("Veri Paylaşımı"):
        no, published, coordinated = (record_label(r, "Kayıt No", "Kayıt"), r["Yayın Tarihi"], r["Koordinasyon Tarihi"])
        if published and not coordinated:
            yield Finding(
                ERROR,
                rules.STATISTICS_COORDINATED_ARTICLE,
                "Veri Paylaşımı",
                r.cell("Yayın Tarihi"),
                f"{no}: yayın tarihi ({published:%d.%m.%Y}) yazılmış ama Başkanlıkla koordinasyon "
                "tarihi yok; yayından önce koordinasyon gerekir.",
            )
        elif published and coordinated and published < coordinated:
            yield Finding(
                ERROR,
                rules.STATISTICS_COORDINATED_ARTICLE,
                "Veri Paylaşımı",
                r.cell("Yayın Tarihi"),
                f"{no}: yayın ({published:%d.%m.%Y}) Başkanlıkla koordinasyondan ({coordinated:%d.%m.%Y}) önce.",
            )
        if not r["Başkanlıkla Paylaşım Tarihi"] and "Başkanlıkla Paylaşım Tarihi" in r.cells:
            yield Finding(
                WARNING,
                rules.STATISTICS_SHARED_ARTICLE,
                "Veri Paylaşımı",
                r.cell("Başkanlıkla Paylaşım Tarihi"),
                f"{no}: verinin Başkanlıkla paylaşıldığı tarih yazılmamış.",
            )


@check(rules.PROJECT_REPORTS_ARTICLE)
def project_reports_sent(ctx: Context) -> Iterator[Finding]:
    """GK(ç): a project's interim reports at the interval it was given, its final report after it ends."""
    s = ctx.schedule
    if not s.built:
        return
    for r in ctx.data.records("Projeler"):
        no = number_text(r, "Proje No")
        for kind, due_day, done in project_reports(s, r):
            if not done and due_day < s.today:
                col = "Son Ara Rapor Tarihi" if kind == "proje_ara_rapor" else "Nihai Rapor Tarihi"
                what = "ara raporu" if kind == "proje_ara_rapor" else "nihai raporu"
                last = r["Son Ara Rapor Tarihi"] if kind == "proje_ara_rapor" else None
                sent = (
                    f"son ara rapor {tr_date(last)} tarihinde gönderilmiş, sonrakinin gönderildiği tarih yazılmamış"
                    if last
                    else "gönderildiği tarih yazılmamış"
                )
                yield Finding(
                    ERROR,
                    rules.PROJECT_REPORTS_ARTICLE,
                    "Projeler",
                    r.cell(col),
                    f"Proje {no}: {what} {tr_date(due_day)} tarihine kadar Başkanlığa gönderilmeliydi; {sent}.",
                )
        start, end, every = r["Başlangıç"], r["Bitiş"], r[INTERVAL]
        running = start is not None and start <= s.today and (end is None or end >= s.today)
        if running and every is None and INTERVAL in r.cells and r["Başkanlık Görüşü"] != rules.OPINION_UNFAVOURABLE:
            yield Finding(
                WARNING,
                rules.PROJECT_REPORTS_ARTICLE,
                "Projeler",
                r.cell(INTERVAL),
                f"Proje {no} sürüyor ama ara raporların kaç ayda bir gönderileceği yazılmamış; ara "
                "raporlar Başkanlığa düzenli olarak gönderilir ve bu sıklık olmadan izlenemez.",
            )
