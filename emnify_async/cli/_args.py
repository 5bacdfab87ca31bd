"""Strict parsing of the numbers, ids and filters the command line takes."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from typing import Any, Literal

from .._exceptions import InputError
from .._query import MAX_ID

_DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() and int() also take "٣"
_ISO_COUNTRY = re.compile(r"[A-Za-z]{2}")


def parse_id(text: str) -> int | None:
    """`text` as an id (ASCII digits, 1..MAX_ID), or None."""
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None


def sdk_id(text: str) -> Any:
    """`text` for an SDK id argument: ASCII digits as a number, anything else as it is.

    The SDK checks ids before it sends anything, so a bad one fails with its InputError (exit 2)
    naming the argument and the value the user typed.
    """
    return int(text) if _DIGITS.fullmatch(text) else text


def int_between(low: int, high: int) -> Callable[[str], int]:
    """An argparse `type`: an integer from `low` to `high`, written in ASCII digits."""

    def parse(text: str) -> int:
        number = int(text) if _DIGITS.fullmatch(text) else None
        if number is None or not low <= number <= high:
            raise argparse.ArgumentTypeError(
                f"expected an integer from {low} to {high}, got {text!r}"
            )
        return number

    return parse


def positive_int(text: str) -> int:
    """An argparse `type`: a positive integer."""
    number = int(text) if _DIGITS.fullmatch(text) else 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return number


def org_id(text: str) -> int | Literal["my"]:
    """An argparse `type`: an organisation id, or `my` for the caller's own."""
    if text == "my":
        return "my"
    number = parse_id(text)
    if number is None:
        raise argparse.ArgumentTypeError(
            f"expected a positive organisation id or 'my', got {text!r}"
        )
    return number


def country_code(text: str) -> str:
    """An argparse `type`: an ISO 3166 alpha-2 country code (any case), as lower case."""
    if not _ISO_COUNTRY.fullmatch(text):
        raise argparse.ArgumentTypeError(
            f"expected a two-letter ISO country code such as DE, got {text!r}"
        )
    return text.lower()


def filters(pairs: list[str] | None) -> dict[str, str] | None:
    """`["status=1", "endpoint=null"]` -> `{"status": "1", "endpoint": "null"}`."""
    if not pairs:
        return None
    result = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise InputError(f"--filter takes FIELD=VALUE, got {pair!r}")
        result[key.strip()] = value.strip()
    return result
