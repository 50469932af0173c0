"""KURALLAR §4, composition: the board's chair and members (M4), the sub-commission (M6(1)–(4)), who attends for
a member institution (M9(2))."""

from __future__ import annotations

from collections.abc import Iterator

from ... import contract, rules
from ...findings import ERROR, WARNING, Finding
from .. import parse
from ..identity import branch_manager_level, contains_any, governor_of, institution_key, matches, person
from ..records import Record
from .registry import Context, check

_LISTED = (*rules.PROVINCE_MEMBERS, *rules.DISTRICT_MEMBERS)


def _active_members(ctx: Context) -> list[Record]:
    return [r for r in ctx.data.records("Üyeler") if r["Aktif"] != "Hayır"]


def _is_required(ctx: Context, required: rules.RequiredMember) -> bool:
    if required.optional_setting is None:
        return True
    name = required.optional_setting.lstrip("!")
    value = ctx.flag(name)
    if value is None:
        return False  # older template without the setting: cannot tell, do not demand
    return (not value) if required.optional_setting.startswith("!") else value


def required_members(ctx: Context) -> list[rules.RequiredMember]:
    if ctx.kind is rules.BoardKind.PROVINCE:
        base = [rules.PROVINCE_CHAIR, *rules.PROVINCE_MEMBERS]
    elif ctx.kind is rules.BoardKind.DISTRICT:
        base = [rules.DISTRICT_CHAIR, *rules.DISTRICT_MEMBERS]
    else:
        return []
    return [m for m in base if _is_required(ctx, m)]


def member_governors_required(ctx: Context) -> list[Record]:
    """M4(2): districts whose kaymakam must sit on the province board."""
    return [
        d
        for d in ctx.data.records("İlçeler")
        if isinstance(d["Yabancı Nüfusu"], int) and rules.district_governor_is_member(d["Yabancı Nüfusu"])
    ]


def _board(ctx: Context) -> list[Record]:
    """The permanent members who sit on the board (its chair included)."""
    return [
        m
        for m in _active_members(ctx)
        if m["Üyelik Türü"] == "Daimi" and m["Görev"] in (rules.ROLE_CHAIR, rules.ROLE_MEMBER)
    ]


def _members_known(ctx: Context) -> bool:
    return "Üyeler" in ctx.data.tables and ctx.kind is not None


@check(rules.PROVINCE_CHAIR.article, rules.DISTRICT_CHAIR.article)
def board_chair(ctx: Context) -> Iterator[Finding]:
    """M4(1): one active chair, the Vali (İl) or the Kaymakam (İlçe)."""
    if not _members_known(ctx):
        return
    chairs = [m for m in _active_members(ctx) if m["Görev"] == rules.ROLE_CHAIR]
    chair_rule = rules.PROVINCE_CHAIR if ctx.kind is rules.BoardKind.PROVINCE else rules.DISTRICT_CHAIR
    if not chairs:
        yield Finding(
            ERROR, chair_rule.article, "Üyeler", None, f"Kurul Başkanı ({chair_rule.name}) üye listesinde yok."
        )
    elif len(chairs) > 1:
        yield Finding(
            ERROR,
            chair_rule.article,
            "Üyeler",
            chairs[1].cell("Görev"),
            f"Birden çok aktif Kurul Başkanı var; kurula {chair_rule.name} başkanlık eder.",
        )
    elif not matches(chairs[0], chair_rule):
        yield Finding(
            ERROR,
            chair_rule.article,
            "Üyeler",
            chairs[0].cell("Unvan"),
            f"Kurul Başkanı {chair_rule.name} olmalı; yazılan: {chairs[0]['Unvan'] or 'boş'} "
            f"({chairs[0]['Kurum'] or 'kurum boş'}).",
        )


@check(*dict.fromkeys(r.article for r in _LISTED if r.optional_setting))
def membership_settings_asked(ctx: Context) -> Iterator[Finding]:
    """KURALLAR §4: a member the circular asks for only where the province has it (coast guard, removal centre…)
    cannot be checked in a book whose template never asked the question."""
    if not _members_known(ctx):
        return
    listed = rules.PROVINCE_MEMBERS if ctx.kind is rules.BoardKind.PROVINCE else rules.DISTRICT_MEMBERS
    asked = dict.fromkeys(req.optional_setting.lstrip("!") for req in listed if req.optional_setting)
    for name in asked:
        if name in rules.MUST_ANSWER_SETTINGS and name not in ctx.data.settings:  # never asked (KURALLAR §4)
            req = next(r for r in listed if (r.optional_setting or "").lstrip("!") == name)
            yield Finding(
                WARNING,
                req.article,
                contract.SETTINGS_SHEET,
                None,
                f"'{name}' ayarı bu kitapta yok (şablonun eski bir sürümünde bu soru yoktu); yanıtlanmadan "
                f"{req.name} üyeliği denetlenemez. 'Ayarlar' sayfasına bu adla bir satır ekleyip Evet ya "
                "da Hayır yazın (komut satırında 'gockurul guncelle' yeni ayarları kendisi ekler).",
            )


@check(*dict.fromkeys(r.article for r in _LISTED if r.article != "M4(1)"))
def required_members_present(ctx: Context) -> Iterator[Finding]:
    """M4(2), M4(3): every listed institution the board must have sits on it."""
    if not _members_known(ctx):
        return
    board = _board(ctx)
    for req in required_members(ctx):
        if req.article == "M4(1)":
            continue
        if not any(matches(m, req) for m in board):
            yield Finding(ERROR, req.article, "Üyeler", None, f"Zorunlu üye eksik: {req.name} ({req.article}).")


@check(rules.THRESHOLDS["district_governor_member"].article)
def district_governors(ctx: Context) -> Iterator[Finding]:
    """M4(2): the kaymakam of every district over the threshold sits on the province board."""
    if not _members_known(ctx) or ctx.kind is not rules.BoardKind.PROVINCE:
        return
    board = _board(ctx)
    threshold = rules.THRESHOLDS["district_governor_member"]
    for d in member_governors_required(ctx):
        if not any(governor_of(m, d["İlçe"] or "") for m in board):
            yield Finding(
                ERROR,
                threshold.article,
                "Üyeler",
                None,
                f"{d['İlçe']} Kaymakamı kurul üyesi olmalı: ilçenin yabancı nüfusu "
                f"{rules.tr_number(d['Yabancı Nüfusu'])} ({threshold.text}).",
            )


def _subcommission(ctx: Context) -> list[Record]:
    return [m for m in _active_members(ctx) if m["Görev"] in rules.SUBCOMMISSION_ROLES]


def _province_subcommission(ctx: Context) -> list[Record] | None:
    """The active sub-commission members of a province book; None for any other book."""
    if not _members_known(ctx) or ctx.kind is rules.BoardKind.DISTRICT:
        return None
    return _subcommission(ctx)


@check("M6(1)")
def subcommission_only_in_province(ctx: Context) -> Iterator[Finding]:
    if not _members_known(ctx) or ctx.kind is not rules.BoardKind.DISTRICT:
        return
    for m in _subcommission(ctx):
        yield Finding(
            ERROR,
            "M6(1)",
            "Üyeler",
            m.cell("Görev"),
            f"Alt Komisyon yalnız İl GKK bünyesinde kurulur; '{m['Görev']}' bu kitapta olamaz.",
        )


_SEATS = ((rules.ROLE_SUB_PRIMARY, "asil"), (rules.ROLE_SUB_SUBSTITUTE, "yedek"))


@check(rules.SUBCOMMISSION_SEATS_ARTICLE)
def subcommission_seats(ctx: Context) -> Iterator[Finding]:
    """M6(3): one asil and one yedek member for each listed institution, two different persons."""
    sub = _province_subcommission(ctx)
    if sub is None:
        return
    seats = rules.SUBCOMMISSION_SEATS_ARTICLE
    for req in required_members(ctx):
        if req.article != "M4(2)" or not req.subcommission:
            continue
        for role, word in _SEATS:
            if not any(m["Görev"] == role and matches(m, req) for m in sub):
                yield Finding(ERROR, seats, "Üyeler", None, f"Alt Komisyonda {req.name} için {word} üye yok.")
    # exactly one asil and one yedek per institution (by its name: "kamu üniversiteleri" are several institutions)
    for role, word in _SEATS:
        first: dict[str, Record] = {}
        for m in sub:
            if m["Görev"] != role or not m["Kurum"]:
                continue
            other = first.setdefault(institution_key(ctx.kind, m["Kurum"]), m)
            if other is not m:
                yield Finding(
                    ERROR,
                    seats,
                    "Üyeler",
                    m.cell("Görev"),
                    f"{m['Kurum']} için Alt Komisyonda ikinci aktif {word} üye: {m['Ad Soyad']} "
                    f"({other.row}. satırda {other['Ad Soyad']} var). Her kurumun bir asil ve bir yedek "
                    "üyesi olur; görevi biten üyenin 'Aktif' sütununa Hayır yazın.",
                )
    primaries = {
        (institution_key(ctx.kind, m["Kurum"]), person(m["Ad Soyad"])): m
        for m in sub
        if m["Görev"] == rules.ROLE_SUB_PRIMARY and m["Kurum"] and m["Ad Soyad"]
    }
    for m in sub:
        if m["Görev"] != rules.ROLE_SUB_SUBSTITUTE or not m["Kurum"] or not m["Ad Soyad"]:
            continue
        other = primaries.get((institution_key(ctx.kind, m["Kurum"]), person(m["Ad Soyad"])))
        if other is not None:
            yield Finding(
                ERROR,
                seats,
                "Üyeler",
                m.cell("Ad Soyad"),
                f"{m['Ad Soyad']} ({m['Kurum']}) Alt Komisyonda hem asil ({other.row}. satır) hem yedek "
                "üye yazılmış; asil ve yedek ayrı kişilerdir.",
            )


@check(rules.SUBCOMMISSION_TITLE_ARTICLE)
def subcommission_titles(ctx: Context) -> Iterator[Finding]:
    """M6(4): sub-commission members are of şube müdürü level or higher."""
    for m in _province_subcommission(ctx) or ():
        if m["Görev"] == rules.ROLE_SUB_CHAIR:
            continue
        if m["Unvan"] and not branch_manager_level(m["Unvan"]):
            yield Finding(
                WARNING,
                rules.SUBCOMMISSION_TITLE_ARTICLE,
                "Üyeler",
                m.cell("Unvan"),
                f"{m['Ad Soyad']} ({m['Kurum']}): Alt Komisyon üyesi şube müdürü düzeyinde olmalı; "
                f"unvanı '{m['Unvan']}'.",
            )


@check(rules.SUBCOMMISSION_CHAIR_INSTITUTION[1])
def subcommission_chair(ctx: Context) -> Iterator[Finding]:
    """M6(2): one chair, the İl Göç İdaresi Müdürlüğü's Uyum Çalışma Grubu Başkanı / Uyum İrtibat Görevlisi."""
    sub = _province_subcommission(ctx)
    if sub is None:
        return
    chairs = [m for m in sub if m["Görev"] == rules.ROLE_SUB_CHAIR]
    inst, article = rules.SUBCOMMISSION_CHAIR_INSTITUTION
    if not chairs:
        yield Finding(
            WARNING,
            article,
            "Üyeler",
            None,
            "Alt Komisyon Başkanı (Uyum Çalışma Grubu Başkanı / Uyum İrtibat Görevlisi) belirtilmemiş.",
        )
    for m in chairs[1:]:
        yield Finding(
            WARNING,
            article,
            "Üyeler",
            m.cell("Görev"),
            f"Alt Komisyonun bir başkanı olur: {m['Ad Soyad']} ikinci aktif Alt Komisyon Başkanı "
            f"({chairs[0].row}. satırda {chairs[0]['Ad Soyad']} var).",
        )
    for m in chairs:
        if parse.ascii_fold(inst) not in parse.ascii_fold(m["Kurum"] or ""):
            yield Finding(
                WARNING,
                article,
                "Üyeler",
                m.cell("Kurum"),
                f"Alt Komisyona {inst} Uyum Çalışma Grubu Başkanı / Uyum İrtibat Görevlisi başkanlık eder.",
            )
        elif m["Unvan"] and not contains_any(m["Unvan"], rules.SUBCOMMISSION_CHAIR_TITLES):
            yield Finding(
                WARNING,
                article,
                "Üyeler",
                m.cell("Unvan"),
                f"Alt Komisyon Başkanı {m['Ad Soyad']}: unvanı '{m['Unvan']}'. Alt Komisyona {inst} "
                "Uyum Çalışma Grubu Başkanı veya Uyum İrtibat Görevlisi başkanlık eder.",
            )


@check(rules.DEPUTY_ARTICLE)
def deputies(ctx: Context) -> Iterator[Finding]:
    """M9(2): whoever attends for a member institution is one of its members in `Üyeler` (by name; a member who
    has since left still counts for the meetings they attended) or its properly appointed deputy (Vekil = Evet)."""
    if "Katılımcılar" not in ctx.data.tables or "Üyeler" not in ctx.data.tables:
        return
    members: dict[str, set[str]] = {}
    for m in ctx.data.records("Üyeler"):
        if m["Kurum"]:
            members.setdefault(institution_key(ctx.kind, m["Kurum"]), set()).add(person(m["Ad Soyad"]))
    for p in ctx.data.records("Katılımcılar"):
        names = members.get(institution_key(ctx.kind, p["Kurum İsmi"])) if p["Kurum İsmi"] else None
        if names is None or p["Vekil"] == "Evet" or person(p["Ad-Soyad"]) in names:
            continue
        yield Finding(
            WARNING,
            rules.DEPUTY_ARTICLE,
            "Katılımcılar",
            p.cell("Ad-Soyad"),
            f"Toplantı {p['Toplantı No']}, {p.row}. satır: {p['Ad-Soyad'] or '(adı yazılmamış)'} "
            f"{p['Kurum İsmi']} adına katılmış ama 'Üyeler' sayfasında bu kurumun üyesi değil ve vekil "
            "olarak işaretlenmemiş. Üye yerine başkasını görevlendiremez; usulüne uygun atanmış vekilse "
            "'Vekil' sütununa Evet yazın.",
        )
