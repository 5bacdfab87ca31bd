"""Strict parsing of the numbers and ids the command line takes."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from typing import Literal

from .._query import MAX_ID

_DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() and int() also take "٣"


def parse_id(text: str) -> int | None:
    """`text` as an id (ASCII digits, 1..MAX_ID), or None."""
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None


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
