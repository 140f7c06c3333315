"""Command line: ``cstolab student-edition|study-edition OUTDIR [--force|--update]``, ``cstolab datasets``,
``cstolab nbgrader OUTDIR [--force] [--lesson NAME …]`` (:mod:`cstolab.nbgrader_course`).

Every user mistake gets one line on standard error and exit status 1 (argparse's own usage
errors exit with 2), never a traceback.
"""

from __future__ import annotations

import argparse
import sys


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line (what was wrong, where to look), exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _edition_parser(sub: argparse._SubParsersAction, name: str, help_text: str) -> None:
    parser = sub.add_parser(name, help=help_text)
    parser.add_argument("outdir", help="folder to write (created if missing)")
    parser.add_argument("--source", default=None, help="lessons folder (default: ./notebooks)")
    parser.add_argument(
        "--book-url",
        default="",
        help="address of the published book, for links to its bibliography "
        "(default: html.baseurl in book/_config.yml; none: a references.md beside the lessons)",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--force", action="store_true", help="overwrite files that already exist")
    mode.add_argument(
        "--update",
        action="store_true",
        help="refresh files this command wrote before; keep every file you changed",
    )


def _nbgrader_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "nbgrader", help="write an nbgrader course (graded lessons) to OUTDIR"
    )
    parser.add_argument("outdir", help="the nbgrader course folder to write (created if missing)")
    parser.add_argument(
        "--lesson",
        action="extend",
        nargs="+",
        metavar="NAME",
        help="only these lessons, by name or number (default: every lesson with exercises)",
    )
    parser.add_argument("--force", action="store_true", help="write into an existing course folder")
    parser.add_argument("--source", default=None, help="lessons folder (default: ./notebooks)")
    parser.add_argument("--book-url", default="", help="as for student-edition")


def _nbgrader(args: argparse.Namespace) -> int:
    from cstolab.nbgrader_course import NbgraderCourseError, write_course

    try:
        lessons = write_course(
            args.outdir, args.source, lessons=args.lesson, force=args.force, book_url=args.book_url
        )
    except NbgraderCourseError as err:
        print(f"cstolab nbgrader: {err}", file=sys.stderr)
        return 1
    auto = sum(s.auto_points for s in lessons)
    manual = sum(s.manual_points for s in lessons)
    print(
        f"Wrote the nbgrader course to {args.outdir}: {len(lessons)} lessons, "
        f"{sum(len(s.exercises) for s in lessons)} autograded exercises ({auto} points), "
        f"{sum(len(s.questions) for s in lessons)} free-text questions graded by hand ({manual} points)."
    )
    print(f"Next: cd {args.outdir} && nbgrader generate_assignment {lessons[0].name}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="cstolab", description="Tools for the cstolab course.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    _edition_parser(sub, "student-edition", "write the lessons without solutions to OUTDIR")
    _edition_parser(
        sub, "study-edition", "write the lessons with folded solutions to OUTDIR (make lab)"
    )
    sub.add_parser("datasets", help="list the datasets")
    _nbgrader_parser(sub)
    args = parser.parse_args(argv)
    if args.command == "nbgrader":
        return _nbgrader(args)

    if args.command == "datasets":
        import cstolab

        for name in cstolab.datasets():
            print(f"{name:14} {cstolab.describe(name)['title']}")
        return 0

    from cstolab.student_edition import EditionError, write_edition

    try:
        report = write_edition(
            args.outdir,
            args.source,
            solutions=args.command == "study-edition",
            force=args.force,
            update=args.update,
            book_url=args.book_url,
        )
    except EditionError as err:
        print(f"cstolab {args.command}: {err}", file=sys.stderr)
        return 1
    removed = (
        f"{report.removed_cells} solution cells removed"
        if args.command == "student-edition"
        else "solutions folded"
    )
    skipped = report.skipped_instructor_only
    print(
        f"Wrote {len(report.written)} files to {args.outdir} ({removed}"
        + (f"; instructor-only notebooks left out: {', '.join(skipped)}" if skipped else "")
        + ")."
    )
    for path in report.kept_edited:
        print(f"Kept {path}: you changed it. Delete or rename it to get the new version.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
