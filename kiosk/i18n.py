"""Languages and per-language number formatting (pure Python, no Qt).

Words visitors read come from the content folder; this module only knows the three languages
and how each writes a number (grouping, 亿/億/billion scaling, signs) and a date.
"""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Final, Literal

Language = Literal["zh-Hans", "zh-Hant", "en"]
LANGUAGES: Final[tuple[Language, ...]] = ("zh-Hans", "zh-Hant", "en")
# between the items of a list set in running text (sources on one credits line)
LIST_SEPARATORS: Final[dict[Language, str]] = {"zh-Hans": "；", "zh-Hant": "；", "en": "; "}
DEFAULT_LANGUAGE: Final[Language] = "zh-Hans"

UNIT_KINDS: Final = ("money", "count", "percent", "rank", "money_cny_100m")
# money_cny_100m is money stored in 亿 (scale 8): the one currency of the first version, kept
# so that its folders still load.
LEGACY_SCALES: Final = {"money_cny_100m": 8}
QUALIFIERS: Final = ("", "over", "about", "target")
# How a unit writes large numbers: "words" (3685亿 / 368.5 billion), "short" (3685亿 / 368.5bn)
# or "digits" (368500000000 / 368,500,000,000: every digit, no scale word).
NUMBER_STYLES: Final = ("words", "short", "digits")


def parse_language(code: str) -> Language | None:
    """Return the language for a code, accepting case differences, or None if unknown."""
    for lang in LANGUAGES:
        if code.strip().lower() == lang.lower():
            return lang
    return None


def _fixed(value: Decimal, decimals: int, grouping: bool) -> str:
    quantum = Decimal(1).scaleb(-decimals)
    with localcontext() as context:  # enough digits for any value: quantize never fails
        context.prec = max(28, value.adjusted() + decimals + 2)
        rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    return f"{rounded:,f}" if grouping else f"{rounded:f}"


def _trimmed(value: Decimal, max_decimals: int, grouping: bool) -> str:
    text = _fixed(value, max_decimals, grouping)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_number(value: Decimal, decimals: int, lang: Language) -> str:
    """A plain number: grouped with commas in English, ungrouped in Chinese (74032)."""
    return _fixed(value, decimals, grouping=lang == "en")


# Each language's scale words, largest first. Money always takes the largest that fits; a
# count takes one only when that loses no digit (100000000 -> 1亿 / 100 million; 123456789
# stays as it is).
_TEN = Decimal(10)
_SCALES: Final[dict[Language, tuple[tuple[Decimal, str], ...]]] = {
    "zh-Hans": ((_TEN**12, "万亿"), (_TEN**8, "亿"), (_TEN**4, "万")),
    "zh-Hant": ((_TEN**12, "萬億"), (_TEN**8, "億"), (_TEN**4, "萬")),
    "en": ((_TEN**12, "trillion"), (_TEN**9, "billion"), (_TEN**6, "million")),
}
SCALE_WORDS: Final = {lang: tuple(word for _, word in scales) for lang, scales in _SCALES.items()}
# The short style's words; Chinese scale words are already short.
_SHORT_WORDS: Final = {"trillion": "tn", "billion": "bn", "million": "m"}
SHORT_WORDS: Final = tuple(_SHORT_WORDS.values())
_SCALE_DIGITS = 2  # a scaled count keeps at most this many decimals (1.25亿, 2.5 million)
_SCALE_FROM = _TEN**5  # smaller counts are written in full (74032, 12,000)


def _scaled(number: str, word: str, lang: Language, style: str) -> str:
    if style == "short" and word in _SHORT_WORDS:
        return f"{number}{_SHORT_WORDS[word]}"
    return f"{number} {word}" if lang == "en" else f"{number}{word}"


def format_count(value: Decimal, decimals: int, lang: Language, style: str = "words") -> str:
    """A count: 74032 / 74,032 in full; a large round one with its scale word, as people
    write it: 100000000 -> 1亿 / 100 million (short: 100m), 250000 -> 25万 / 250,000. The
    "digits" style always writes it in full."""
    if decimals == 0 and abs(value) >= _SCALE_FROM and style != "digits":
        for power, word in _SCALES[lang]:
            scaled = value / power
            if abs(scaled) >= 1 and scaled == round(scaled, _SCALE_DIGITS):
                return _scaled(_trimmed(scaled, _SCALE_DIGITS, lang == "en"), word, lang, style)
    return format_number(value, decimals, lang)


def format_money(
    value: Decimal,
    decimals: int,
    scale: int,
    lang: Language,
    like: Decimal | None = None,
    style: str = "words",
) -> str:
    """An amount of money typed in units of 10**``scale`` (8: 亿), written with the scale word
    each language uses for it: 3685 at scale 8 is 3685亿 / 368.5 billion (short: 368.5bn), 5
    at scale 4 is 5万 / 50,000, 1 at scale 12 is 1万亿 / 1 trillion. Every typed digit is kept.
    ``like``: the amount whose scale word to use (a count-up to 3685亿 reads 0亿, 1200亿...,
    never 0元). The "digits" style writes every digit (368500000000 / 368,500,000,000)."""
    amount = value.scaleb(scale)
    chooser = amount if like is None else like.scaleb(scale)
    for power, word in _SCALES[lang] if style != "digits" else ():
        if abs(chooser) >= power:
            digits = max(0, decimals + power.adjusted() - scale)
            return _scaled(_trimmed(amount / power, digits, lang == "en"), word, lang, style)
    return _trimmed(amount, max(0, decimals - scale), lang == "en")


def format_money_cny_100m(value: Decimal, decimals: int, lang: Language) -> str:
    """Money stored in 亿元, as the first version wrote it (always 亿 or 万亿, billion or
    trillion): 3685 -> 3685亿 / 368.5 billion; 10000 -> 1万亿 / 1 trillion. The kiosk writes
    money with :func:`format_money`, which picks the scale word by the amount."""
    if lang == "en":
        if abs(value) >= 10000:
            return f"{_trimmed(value / 10000, decimals + 4, True)} trillion"
        return f"{_trimmed(value / 10, decimals + 1, True)} billion"
    if abs(value) >= 10000:
        return f"{_trimmed(value / 10000, decimals + 4, False)}{SCALE_WORDS[lang][0]}"
    return f"{_fixed(value, decimals, False)}{SCALE_WORDS[lang][1]}"


def format_value(
    kind: str,
    value: Decimal,
    decimals: int,
    lang: Language,
    scale: int = 0,
    like: Decimal | None = None,
    style: str = "words",
) -> str:
    """The number part of a quantity of the given unit kind (typed in units of 10**``scale``),
    before its unit template, in the unit's number ``style``; money on its way to ``like`` takes
    that amount's scale word."""
    scale = LEGACY_SCALES.get(kind, scale)
    if kind in ("money", "money_cny_100m"):
        return format_money(value, decimals, scale, lang, like, style)
    if kind == "count":
        return format_count(value.scaleb(scale), max(0, decimals - scale), lang, style)
    return format_number(value, decimals, lang)


def format_growth(percent: Decimal, decimals: int, lang: Language) -> str:
    """A signed percentage: +22.6% (the same in all three languages)."""
    sign = "+" if percent > 0 else ("-" if percent < 0 else "±")
    return f"{sign}{format_number(abs(percent), decimals, lang)}%"


def fill(template: str, **values: str) -> str:
    """Fill ``{value}`` / ``{text}`` in a curator's template without ``str.format`` pitfalls."""
    out = template
    for key, text in values.items():
        out = out.replace("{" + key + "}", text)
    return out


_DATE: Final = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_MONTHS_EN: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def format_date(date: str, lang: Language) -> str:
    """A content date (YYYY, YYYY-MM or YYYY-MM-DD) as visitors read it.

    2025 -> 2025年 / 2025; 2025-03 -> 2025年3月 / Mar 2025; 2025-03-08 -> 2025年3月8日 /
    8 Mar 2025. Text that is not such a date (the loader reports it) is returned as typed.
    """
    found = _DATE.fullmatch(date.strip())
    if found is None:
        return date
    year, month, day = (int(g) if g else None for g in found.groups())
    try:
        datetime.date(year or 1, month or 1, day or 1)
    except ValueError:
        return date
    if lang == "en":
        words = [str(day)] if day else []
        words += [_MONTHS_EN[month - 1]] if month else []
        return " ".join([*words, str(year)])
    return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if day else "")


def date_year(date: str) -> str:
    """The year of a content date, for a timeline's year marks ('2025-03' -> '2025')."""
    return date.strip()[:4]
