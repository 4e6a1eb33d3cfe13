"""`kakeibo import`: a statement file into the books, in one transaction, with a report of every row."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kakeibo.cli import output as out
from kakeibo.cli.context import open_ledger
from kakeibo.cli.lazy import lazy
from kakeibo.cli.options import JsonOption, TodayOption, UserOption, options
from kakeibo.imports.errors import ImportHasProblems
from kakeibo.imports.format_names import FORMATS as STATEMENT_FORMATS

# The importer loads when the command runs (see `kakeibo.cli.lazy`).
if TYPE_CHECKING:
    from kakeibo.imports import service as importer
    from kakeibo.imports.service import ImportReport
    from kakeibo.ledger import service as ledger
else:
    importer = lazy("kakeibo.imports.service")
    ledger = lazy("kakeibo.ledger.service")


FORMATS = ("auto", *STATEMENT_FORMATS)


def import_command(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="The statement file.")],
    account: Annotated[
        str | None,
        typer.Option(help="The account the statement belongs to (a file with an account column routes by name)."),
    ] = None,
    format: Annotated[str, typer.Option("--format", help="auto, csv, ofx, qif or camt.")] = "auto",
    profile: Annotated[
        str | None, typer.Option(help="CSV profile: mint, chase, amex, revolut, monzo, n26, schwab, ing-de.")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would happen; write nothing.")] = False,
    accept_problems: Annotated[
        bool, typer.Option("--accept-problems", help="Import the good rows of a file with bad ones.")
    ] = False,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Import a bank statement (CSV, OFX/QFX, QIF, camt.053): skips rows imported before, matches transfers,
    flags look-alikes of your own entries and categorizes the rest."""
    if format not in FORMATS:
        raise typer.BadParameter(f"format is one of {', '.join(FORMATS)}", param_hint="--format")
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=True) as books:
        account_id = None
        if account is not None:
            account_id = ledger.find_money_account(books.session, household_id=books.household_id, name=account).id
        actor = books.actor.for_change(source="import")
        show_progress = not opts.json and sys.stderr.isatty()

        def progress(done: int, message: str) -> None:
            if show_progress:
                sys.stderr.write(f"\r{message}   ")
                sys.stderr.flush()

        try:
            report = importer.import_file(
                books.session,
                actor=actor,
                path=path,
                options=importer.ImportOptions(
                    account_id=account_id,
                    format=format,
                    profile=profile,
                    accept_issues=accept_problems,
                    filename=path.name,
                ),
                progress=progress,
                dry_run=dry_run,
            )
        except ImportHasProblems as exc:
            if show_progress:
                sys.stderr.write("\n")
            _print_problems(exc, json=opts.json)
            raise typer.Exit(1) from exc
        if show_progress:
            sys.stderr.write("\n")
        if dry_run:
            books.session.rollback()
        if opts.json:
            out.print_json(report.as_dict())
            return
        _print_report(report, path)


def _print_problems(exc: ImportHasProblems, *, json: bool) -> None:
    issues = exc.extra.get("issues", [])
    if json:
        out.print_json({"error": exc.message, "issues": issues, "issue_count": exc.extra.get("issue_count")})
        return
    out.error(exc.message)
    for issue in issues:
        print(f"  {issue['message']}", file=sys.stderr)
    more = int(exc.extra.get("issue_count", len(issues))) - len(issues)
    if more > 0:
        print(f"  ... and {more} more", file=sys.stderr)


def _print_report(report: ImportReport, path: Path) -> None:
    verb = "Would import" if report.dry_run else "Imported"
    profile = f", profile {report.profile}" if report.profile else ""
    out.echo(f"{verb} {path.name} ({report.format}{profile}).")
    rows = [
        [
            str(r.line),
            r.date,
            out.truncate(r.payee, 28),
            r.account,
            r.amount,
            r.outcome,
            r.category or "-",
            r.source if r.outcome in ("imported", "flagged") else "",
            out.truncate(r.reason, 60),
        ]
        for r in sorted(report.rows, key=lambda r: r.line)
    ]
    if rows:
        out.echo(
            out.table(
                ["LINE", "DATE", "PAYEE", "ACCOUNT", "AMOUNT", "OUTCOME", "CATEGORY", "BY", "WHY"],
                rows,
                right=[0, 4],
            )
        )
        out.echo()
    figures = [
        ("rows read", report.rows_read),
        ("imported", report.imported),
        ("duplicates skipped", report.duplicates),
        ("possible duplicates flagged", report.flagged),
        ("transfers matched", report.transfers),
        ("rows skipped (zero or pending)", report.skipped),
    ]
    for label, value in figures:
        out.echo(f"  {label:<31}{value:>8,}")
    if report.by_source:
        sources = ", ".join(f"{k} {v:,}" for k, v in sorted(report.by_source.items(), key=lambda kv: -kv[1]))
        out.echo(f"  {'categorized by':<31}{sources}")
    if report.categories_created:
        out.echo(f"  {'new categories':<31}{', '.join(report.categories_created)}")
    for issue in report.issues:
        out.echo(f"  problem, {issue['message']} (skipped)")
    for rule in report.rules_skipped:
        out.echo(f"  rule {rule['name']!r} was not used: {rule['reason']}")
    _print_checks(report)
    if report.dry_run:
        out.echo("Nothing was written (--dry-run).")
    elif report.imported or report.transfers:
        out.echo(f"Undo the whole import with: {ledger.undo_command(report.group_id)}")


def _print_checks(report: ImportReport) -> None:
    """The statement's balances against the ledger's, and what to run when an account opens after the rows."""
    for check in report.checks.balance_checks:
        verdict = "ok" if check.ok else f"off by {check.difference}"
        out.echo(
            f"  {'balance ' + check.date.isoformat() + ':':<31}statement {check.statement}, ledger {check.ledger} "
            f"({verdict})"
        )
    for warning in report.checks.warnings:
        if warning.code == "balance_not_checked":  # the others are the lines around this one
            out.echo(f"  warning, {warning.message}")
    for notice in report.checks.opening_date_after_rows:
        out.echo(
            f"  {notice.account} opens on {notice.opening_date}, after rows from {notice.earliest_row}: its balances "
            "before then lack the opening balance. Move the opening date before them with:"
        )
        out.echo(f"    kakeibo account open-date {shlex.quote(notice.account)} {notice.suggested_date}")
