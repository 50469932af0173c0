"""Who is who across the sheets: persons and institutions compared however the office spells them, the listed
institutions and titles of the circular (M4, M6, M9(2)). Pure."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import rules
from . import parse
from .records import Record


@lru_cache(maxsize=65536)  # the same names and institutions come back in every meeting
def person(text: object) -> str:
    """A name or an institution as compared across sheets: Turkish letters folded, spaces collapsed."""
    return " ".join(parse.ascii_fold(str(text or "")).split())


def institution_key(kind: rules.BoardKind | None, kurum: object) -> str:
    """One key per institution however the office spells it ("Gaziantep İl Sağlık Müdürlüğü" is the İl Sağlık
    Müdürlüğü, "Gaziantep Valiliği" the Valilik): the listed institution it matches, the way the composition check
    matches it, else the name itself. Universities and research centres stay apart (M4(2) names them in the
    plural: each is an institution of its own)."""
    return _institution_key(kind, person(kurum))


def same_institution(kind: rules.BoardKind | None, a: object, b: object) -> bool:
    """Two spellings of one institution, matched as the M9(2) check matches them."""
    return institution_key(kind, a) == institution_key(kind, b)


def same_person(a: object, b: object) -> bool:
    return bool(a) and person(a) == person(b)


@lru_cache(maxsize=4096)
def _institution_key(kind: rules.BoardKind | None, folded: str) -> str:
    """The most specific listed name in `folded` wins: "Gaziantep Valiliği İl Göç İdaresi Müdürlüğü" is the İl
    Göç İdaresi Müdürlüğü (a unit under the Valilik), not the Valilik."""
    best, length = folded, 0
    for req, spellings in _listed_spellings(kind):
        for spelling in spellings:
            if (
                len(spelling) > length
                and spelling in folded
                and not (req.excludes and contains_any(folded, req.excludes))
            ):
                best, length = "\x00" + person(req.kurum), len(spelling)
    return best


@cache
def _listed_spellings(kind: rules.BoardKind | None) -> tuple[tuple[rules.RequiredMember, tuple[str, ...]], ...]:
    listed = (
        (rules.PROVINCE_CHAIR, *rules.PROVINCE_MEMBERS)
        if kind is rules.BoardKind.PROVINCE
        else (rules.DISTRICT_CHAIR, *rules.DISTRICT_MEMBERS)
        if kind is rules.BoardKind.DISTRICT
        else ()
    )
    return tuple(
        (req, tuple(parse.ascii_fold(w) for w in (req.kurum, *req.also_matches))) for req in listed if not req.plural
    )


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    folded = parse.ascii_fold(text)
    return any(parse.ascii_fold(w) in folded for w in words)


def matches(member: Record, required: rules.RequiredMember) -> bool:
    """The member (a row of `Üyeler`) sits for the listed institution, with its title where one is asked."""
    kurum = member["Kurum"] or ""
    if not contains_any(kurum, (required.kurum, *required.also_matches)):
        return False
    if required.excludes and contains_any(kurum, required.excludes):
        return False
    if required.unvan:
        unvan = member["Unvan"] or ""
        if not contains_any(unvan, (required.unvan,)):
            return False
        if required.unvan_excludes and contains_any(unvan, required.unvan_excludes):
            return False
    return True


def governor_of(member: Record, district: str) -> bool:
    """M4(2): the member is the kaymakam of `district` (named in Kurum or Unvan)."""
    word, _article = rules.DISTRICT_GOVERNOR_MEMBER
    text = f"{member['Kurum'] or ''} {member['Unvan'] or ''}"
    return bool(district) and contains_any(text, (district,)) and contains_any(text, (word,))


@cache
def _title_patterns() -> tuple[re.Pattern, ...]:
    # whole words, a possessive ending allowed (Müdür/Müdürü, Müftü/Müftüsü), never a longer word (Müdürlük)
    return tuple(
        re.compile(r"(?:^|[^a-z0-9])" + re.escape(parse.ascii_fold(t)) + r"(?:s?[iu])?(?![a-z0-9])")
        for t in rules.SUBCOMMISSION_TITLES
    )


def branch_manager_level(title: str) -> bool:
    """M6(4): the title is one of the listed ones (şube müdürü or an equivalent or higher), as a word of it."""
    folded = parse.ascii_fold(title)
    return any(p.search(folded) for p in _title_patterns())
