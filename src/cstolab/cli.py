"""Command line: ``cstolab student-edition OUTDIR [--force]`` and ``cstolab datasets``."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cstolab", description="Tools for the cstolab course.")
    sub = parser.add_subparsers(dest="command", required=True)
    edition = sub.add_parser(
        "student-edition", help="write the lessons without solutions to OUTDIR"
    )
    edition.add_argument("outdir", help="folder to write (created if missing)")
    edition.add_argument("--source", default=None, help="lessons folder (default: ./notebooks)")
    edition.add_argument("--force", action="store_true", help="overwrite files that already exist")
    sub.add_parser("datasets", help="list the datasets")
    args = parser.parse_args(argv)

    if args.command == "datasets":
        import cstolab

        for name in cstolab.datasets():
            print(f"{name:14} {cstolab.describe(name)['title']}")
        return 0

    from cstolab.student_edition import EditionError, write_student_edition

    try:
        report = write_student_edition(args.outdir, args.source, force=args.force)
    except EditionError as err:
        print(f"cstolab student-edition: {err}", file=sys.stderr)
        return 1
    print(
        f"Wrote {len(report.written)} files to {args.outdir} "
        f"({report.removed_cells} solution cells removed"
        + (
            f"; instructor-only notebooks left out: {', '.join(report.skipped_instructor_only)}"
            if report.skipped_instructor_only
            else ""
        )
        + ")."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
