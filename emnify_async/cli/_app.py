"""Argument parsing, dispatch and exit codes of the `emnify` command."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeAlias

from .._client import AsyncEmnify
from .._constants import ENDPOINT_MAX_PER_PAGE, SIM_MAX_PER_PAGE
from .._exceptions import (
    AuthenticationError,
    EmnifyError,
    InputError,
    MissingCredentialsError,
)
from .._version import __version__
from ._args import country_code, int_between, org_id, positive_int
from ._bulk_change import BulkChange
from ._endpoints import DISABLE, ENABLE, export_endpoints, list_endpoints
from ._operators import list_operators
from ._org import org_stats
from ._output import OutputError, flush_or_discard_stdout
from ._session import DEMO_SIMS, open_client
from ._sims import ACTIVATE, SUSPEND, export_sims, list_sims
from ._sms import send_sms

EXIT_OK = 0
EXIT_ITEMS_FAILED = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_API = 4  # also network and I/O errors (a full disk)
EXIT_INTERRUPTED = 130

EPILOG = """\
credentials come from the environment only: EMNIFY_APPLICATION_TOKEN, or EMNIFY_USERNAME and
EMNIFY_PASSWORD (and EMNIFY_BASE_URL). --emulator runs against a built-in emulator instead.

exit codes: 0 ok (also when the reader of stdout closes it early, as `| head` does),
1 some SIMs or endpoints failed (see the results file), 2 bad usage or input (nothing is sent),
3 authentication, 4 API, network or I/O error, 130 interrupted."""

Command = Callable[[AsyncEmnify, argparse.Namespace], Awaitable[int]]

COMMANDS: dict[tuple[str, str], Command] = {
    ("sims", "list"): list_sims,
    ("sims", "export"): export_sims,
    ("sims", "activate"): ACTIVATE,
    ("sims", "suspend"): SUSPEND,
    ("endpoints", "list"): list_endpoints,
    ("endpoints", "export"): export_endpoints,
    ("endpoints", "enable"): ENABLE,
    ("endpoints", "disable"): DISABLE,
    ("sms", "send"): send_sms,
    ("operators", "list"): list_operators,
    ("org", "stats"): org_stats,
}

Chooser = tuple[argparse.ArgumentParser, str]
Actions: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _add_listing(actions: Actions, noun: str, max_per_page: int) -> None:
    """`list` and `export` of a paged resource such as SIMs ("SIMs" is its `noun`)."""
    for name, helptext in (
        ("list", f"print {noun} as a table"),
        ("export", f"write {noun} as CSV or JSON lines"),
    ):
        command = actions.add_parser(name, help=helptext)
        command.add_argument(
            "--filter", action="append", metavar="FIELD=VALUE", help="e.g. status=1; repeatable"
        )
        command.add_argument("--sort", help="e.g. --sort=-id or --sort=status,id")
        if name == "list":
            command.add_argument(
                "--limit", type=positive_int, metavar="N", help=f"stop after N {noun}"
            )
            continue
        command.add_argument("--format", choices=("csv", "jsonl"), default="csv")
        command.add_argument(
            "--output",
            "-o",
            default="-",
            help="file, or - for stdout; a file appears only once complete",
        )
        command.add_argument(
            "--per-page",
            type=int_between(1, max_per_page),
            default=max_per_page,
            metavar="N",
            help=f"{noun} per request, 1 to {max_per_page} (the default)",
        )


def _add_bulk(actions: Actions, kind: str, *verbs: str) -> None:
    """Bulk changes of the items (of `kind`, e.g. "SIM") whose ids are in a file."""
    for verb in verbs:
        command = actions.add_parser(verb, help=f"{verb} the {kind}s whose ids are in a file")
        command.add_argument("ids", help=f"file with one {kind} id per line, or - for stdin")
        command.add_argument(
            "--results", help="JSON-lines file of outcomes; ids done in it are skipped"
        )
        command.add_argument(
            "--dry-run", action="store_true", help="say what would change, send nothing"
        )


def _parser() -> tuple[argparse.ArgumentParser, dict[str | None, Chooser]]:
    """The parser, and for each level of commands its parser and the names to choose from."""
    parser = argparse.ArgumentParser(
        prog="emnify",
        description="Work with an emnify IoT fleet from the command line.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"emnify {__version__}")
    parser.add_argument(
        "--emulator", action="store_true", help="use a built-in emulator with demo data"
    )
    parser.add_argument(
        "--emulator-sims", type=positive_int, default=DEMO_SIMS, metavar="N", help="its fleet size"
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="progress bars on stderr when it is a terminal (default on)",
    )
    # Not `required=True`: argparse would then complain about a missing "area" or "action".
    areas = parser.add_subparsers(dest="area")
    choosers: dict[str | None, Chooser] = {}

    def area(name: str, helptext: str) -> Actions:
        area_parser = areas.add_parser(name, help=helptext)
        actions = area_parser.add_subparsers(dest="action")
        choosers[name] = (area_parser, "")
        return actions

    sims = area("sims", "SIM cards")
    _add_listing(sims, "SIMs", SIM_MAX_PER_PAGE)
    _add_bulk(sims, "SIM", "activate", "suspend")

    endpoints = area("endpoints", "endpoints (devices)")
    _add_listing(endpoints, "endpoints", ENDPOINT_MAX_PER_PAGE)
    _add_bulk(endpoints, "endpoint", "enable", "disable")

    sms = area("sms", "SMS to endpoints")
    send = sms.add_parser("send", help="send an SMS to an endpoint; prints the new SMS id")
    send.add_argument("endpoint_id", metavar="ENDPOINT_ID", help="the endpoint's id")
    send.add_argument("text", metavar="TEXT", help="up to 160 GSM-7 or 70 other characters")
    send.add_argument("--source-address", metavar="ADDR", help="the sender: a number or a name")

    operators = area("operators", "mobile network operators")
    operators_list = operators.add_parser("list", help="print operators as a table")
    operators_list.add_argument(
        "--country", type=country_code, metavar="ISO", help="only those of a country, e.g. DE"
    )

    org = area("org", "your organisation")
    stats = org.add_parser("stats", help="monthly traffic, costs and SIM counts as JSON")
    stats.add_argument(
        "--org", type=org_id, default="my", help="organisation id, or my (the default)"
    )

    areas.add_parser(
        "emulator", help="serve the emulator (options: emnify emulator --help)", add_help=False
    )
    for name, (area_parser, _) in list(choosers.items()):
        names = [action for level, action in COMMANDS if level == name]
        choosers[name] = (area_parser, ", ".join(names))
    choosers[None] = (parser, ", ".join(areas.choices))
    return parser, choosers


def _parse(argv: list[str]) -> argparse.Namespace:
    """Parsed arguments; a missing command is a usage error naming the choices (exit 2)."""
    parser, choosers = _parser()
    args = parser.parse_args(argv)
    if args.area == "emulator":
        parser.error("put emulator first: emnify emulator [options]")
    if args.area is None or args.action is None:
        level, names = choosers[args.area]
        level.error(f"choose a command: {names}")
    return args


async def _run(args: argparse.Namespace) -> int:
    command = COMMANDS[(args.area, args.action)]
    if isinstance(command, BulkChange) and args.dry_run:
        return command.dry_run(args)  # needs no credentials: nothing is sent
    async with open_client(emulator=args.emulator, emulator_sims=args.emulator_sims) as client:
        return await command(client, args)


def _serve_emulator(argv: list[str]) -> int:
    from ..testing.__main__ import parse_args, serve  # the emulator's own command line

    config = parse_args(argv, prog="emnify emulator")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(config))
    return EXIT_OK


def _execute(args: argparse.Namespace) -> int:
    """Run the command; map what it raised to an exit code and a one-line message."""
    try:
        return asyncio.run(_run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OutputError as exc:
        if exc.closed:  # the reader has what it wanted (`| head`): stop quietly
            return EXIT_OK
        print(f"emnify: {exc}", file=sys.stderr)
        return EXIT_API
    except BrokenPipeError:
        return EXIT_OK
    except InputError as exc:
        print(f"emnify: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (MissingCredentialsError, AuthenticationError) as exc:
        print(f"emnify: {exc}", file=sys.stderr)
        return EXIT_AUTH
    except (EmnifyError, OSError) as exc:
        print(f"emnify: {exc}", file=sys.stderr)
        return EXIT_API


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `emnify` command; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["emulator"]:
        return _serve_emulator(argv[1:])
    args = _parse(argv)
    try:
        return _execute(args)
    finally:
        flush_or_discard_stdout()
