"""Argument parsing, dispatch and exit codes of the `emnify` command."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable, Sequence

from .._client import AsyncEmnify
from .._constants import SIM_MAX_PER_PAGE
from .._exceptions import (
    APIError,
    AuthenticationError,
    EmnifyError,
    InputError,
    MissingCredentialsError,
)
from ._org import org_stats
from ._session import DEMO_SIMS, open_client
from ._sims import change_status, export_sims, list_sims

EXIT_OK = 0
EXIT_ITEMS_FAILED = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_API = 4
EXIT_INTERRUPTED = 130

EPILOG = """\
credentials come from the environment only: EMNIFY_APPLICATION_TOKEN, or EMNIFY_USERNAME and
EMNIFY_PASSWORD (and EMNIFY_BASE_URL). --emulator runs against a built-in emulator instead.

exit codes: 0 ok, 1 some SIMs failed (see the results file), 2 bad usage or input,
3 authentication, 4 API or network error, 130 interrupted."""

Command = Callable[[AsyncEmnify, argparse.Namespace], Awaitable[int]]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="emnify",
        description="Work with an emnify IoT fleet from the command line.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--emulator", action="store_true", help="use a built-in emulator with demo data"
    )
    parser.add_argument(
        "--emulator-sims", type=int, default=DEMO_SIMS, metavar="N", help="its fleet size"
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="progress bars on stderr when it is a terminal (default on)",
    )
    commands = parser.add_subparsers(dest="area", required=True)

    sims = commands.add_parser("sims", help="SIM cards").add_subparsers(
        dest="action", required=True
    )
    for name, helptext in (
        ("list", "print SIMs as a table"),
        ("export", "write SIMs as CSV or JSON lines"),
    ):
        command = sims.add_parser(name, help=helptext)
        command.add_argument(
            "--filter", action="append", metavar="FIELD=VALUE", help="e.g. status=1; repeatable"
        )
        command.add_argument("--sort", help="e.g. --sort=-id or --sort=status,id")
        if name == "list":
            command.add_argument("--limit", type=int, default=0, help="stop after N SIMs")
        else:
            command.add_argument("--format", choices=("csv", "jsonl"), default="csv")
            command.add_argument("--output", "-o", default="-", help="file, or - for stdout")
            command.add_argument("--per-page", type=int, default=SIM_MAX_PER_PAGE)
    for name in ("activate", "suspend"):
        command = sims.add_parser(name, help=f"{name} the SIMs whose ids are in a file")
        command.add_argument("ids", help="file with one SIM id per line, or - for stdin")
        command.add_argument(
            "--results", help="JSON-lines file of outcomes; ids done in it are skipped"
        )
        command.add_argument(
            "--dry-run", action="store_true", help="say what would change, send nothing"
        )

    org = commands.add_parser("org", help="your organisation").add_subparsers(
        dest="action", required=True
    )
    stats = org.add_parser("stats", help="monthly traffic, costs and SIM counts as JSON")
    stats.add_argument("--org", default="my", help="organisation id, or my (the default)")

    commands.add_parser(
        "emulator", help="serve the emulator (options: emnify emulator --help)", add_help=False
    )
    return parser


def _command(args: argparse.Namespace) -> Command:
    table: dict[tuple[str, str], Command] = {
        ("sims", "list"): list_sims,
        ("sims", "export"): export_sims,
        ("sims", "activate"): change_status,
        ("sims", "suspend"): change_status,
        ("org", "stats"): org_stats,
    }
    return table[(args.area, args.action)]


async def _run(args: argparse.Namespace) -> int:
    if getattr(args, "dry_run", False):
        return await change_status(None, args)
    async with open_client(emulator=args.emulator, emulator_sims=args.emulator_sims) as client:
        return await _command(args)(client, args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `emnify` command; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["emulator"]:
        from ..testing.__main__ import main as serve  # the emulator's own command line

        serve(argv[1:])
        return EXIT_OK
    args = _parser().parse_args(argv)
    try:
        return asyncio.run(_run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (InputError, OSError) as exc:
        print(f"emnify: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (MissingCredentialsError, AuthenticationError) as exc:
        print(f"emnify: {exc}", file=sys.stderr)
        return EXIT_AUTH
    except (APIError, EmnifyError) as exc:
        print(f"emnify: {exc}", file=sys.stderr)
        return EXIT_API
