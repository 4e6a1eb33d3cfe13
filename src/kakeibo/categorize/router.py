"""Thin HTTP over categorization: rules, the review queue (accept / correct), explanations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from sqlalchemy.orm import Session

from kakeibo.auth.dependencies import ContextDep, WriteContextDep
from kakeibo.categorize import service
from kakeibo.categorize.models import Rule
from kakeibo.categorize.schemas import (
    ApplyRulesOut,
    ExplainOut,
    Guess,
    RetrainJobOut,
    ReviewCorrect,
    ReviewIds,
    ReviewItem,
    ReviewResult,
    RuleCreate,
    RuleOut,
    RuleUpdate,
)
from kakeibo.core.http import SessionDep
from kakeibo.core.types import Id
from kakeibo.jobs import service as jobs
from kakeibo.jobs.router import job_out
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger import service as ledger
from kakeibo.ledger.presenters import transactions_out

rules_router = APIRouter(prefix="/rules", tags=["rules"])
review_router = APIRouter(prefix="/review", tags=["review"])
explain_router = APIRouter(prefix="/transactions", tags=["transactions"])
categorize_router = APIRouter(prefix="/categorize", tags=["categorize"])


def rule_out(session: Session, rule: Rule) -> RuleOut:
    category_id = rule.actions.get("category_id")
    category = (
        ledger_repo.get_account(session, household_id=rule.household_id, account_id=category_id)
        if category_id
        else None
    )
    return RuleOut(
        id=rule.id,
        name=rule.name,
        conditions=rule.conditions,
        category=category.path if category else None,
        category_id=category_id,
        payee=rule.actions.get("payee"),
        tags=list(rule.actions.get("tags") or []),
        priority=rule.priority,
        status=rule.status,
        hits=rule.hits,
        created_at=rule.created_at,
        problem=service.rule_problem(rule),
    )


# ---- rules ----------------------------------------------------------------------------------------------------
@rules_router.get("", response_model=list[RuleOut])
def list_rules(session: SessionDep, ctx: ContextDep) -> list[RuleOut]:
    return [rule_out(session, r) for r in service.list_rules(session, household_id=ctx.household_id)]


@rules_router.post("", response_model=RuleOut, status_code=status.HTTP_201_CREATED)
def create_rule(data: RuleCreate, session: SessionDep, ctx: WriteContextDep) -> RuleOut:
    return rule_out(session, service.create_rule(session, actor=ctx, data=data))


@rules_router.post("/apply", response_model=ApplyRulesOut)
def apply_rules(session: SessionDep, ctx: WriteContextDep) -> ApplyRulesOut:
    """Run the active rules over every transaction whose category nobody set by hand."""
    changed = service.apply_rules(session, actor=ctx)
    return ApplyRulesOut(changed=len(changed), transaction_ids=changed[:500])


@rules_router.get("/{rule_id:int}", response_model=RuleOut)
def get_rule(rule_id: Id, session: SessionDep, ctx: ContextDep) -> RuleOut:
    return rule_out(session, service.get_rule(session, household_id=ctx.household_id, rule_id=rule_id))


@rules_router.patch("/{rule_id:int}", response_model=RuleOut)
def update_rule(rule_id: Id, data: RuleUpdate, session: SessionDep, ctx: WriteContextDep) -> RuleOut:
    """Change a rule; `status: active` accepts a proposed rule, `dismissed` declines it."""
    return rule_out(session, service.update_rule(session, actor=ctx, rule_id=rule_id, data=data))


@rules_router.delete("/{rule_id:int}", status_code=status.HTTP_204_NO_CONTENT)
def delete_rule(rule_id: Id, session: SessionDep, ctx: WriteContextDep) -> Response:
    service.delete_rule(session, actor=ctx, rule_id=rule_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# ---- review queue ---------------------------------------------------------------------------------------------
@review_router.get("", response_model=list[ReviewItem])
def review_queue(
    session: SessionDep, ctx: ContextDep, limit: Annotated[int, Query(ge=1, le=200)] = 50
) -> list[ReviewItem]:
    """Transactions a person should look at, least sure first, with the categorizer's best guesses."""
    rows = service.review_queue(session, household_id=ctx.household_id, limit=limit)
    guesses = service.guesses_for(session, household_id=ctx.household_id, transactions=rows)
    items = transactions_out(session, household_id=ctx.household_id, transactions=rows)
    return [
        ReviewItem(transaction=item, guesses=[Guess(**g) for g in guesses[row.id]])
        for row, item in zip(rows, items, strict=True)
    ]


@review_router.post("/accept", response_model=ReviewResult)
def accept(data: ReviewIds, session: SessionDep, ctx: WriteContextDep) -> ReviewResult:
    """Keep the categories as they are (they become locked) and clear duplicate flags."""
    return ReviewResult(changed=service.accept(session, actor=ctx, transaction_ids=data.transaction_ids))


@review_router.post("/correct", response_model=ReviewResult)
def correct(data: ReviewCorrect, session: SessionDep, ctx: WriteContextDep) -> ReviewResult:
    """File these transactions under another category; the next import learns from it at once."""
    changed, proposed = service.correct(
        session,
        actor=ctx,
        transaction_ids=data.transaction_ids,
        category=data.category,
    )
    return ReviewResult(changed=changed, proposed_rules=[rule_out(session, r) for r in proposed])


@explain_router.get("/{transaction_id:int}/explain", response_model=ExplainOut)
def explain(transaction_id: Id, session: SessionDep, ctx: ContextDep) -> ExplainOut:
    """Why a transaction has its category, and what else the categorizer would have guessed."""
    transaction = ledger.get_transaction(session, household_id=ctx.household_id, transaction_id=transaction_id)
    category_id = service.category_id_of(session, transaction)
    category = (
        ledger_repo.get_account(session, household_id=ctx.household_id, account_id=category_id) if category_id else None
    )
    guesses = service.guesses_for(session, household_id=ctx.household_id, transactions=[transaction])
    return ExplainOut(
        transaction_id=transaction.id,
        category=category.path if category else None,
        source=transaction.category_source.value,
        confidence=transaction.category_confidence,
        reason=transaction.category_reason,
        locked=transaction.category_locked,
        guesses=[Guess(**g) for g in guesses[transaction.id]],
    )


@categorize_router.post("/retrain", response_model=RetrainJobOut, status_code=status.HTTP_202_ACCEPTED)
def retrain(request: Request, session: SessionDep, ctx: WriteContextDep) -> RetrainJobOut:
    """Rebuild the household's category model from everything filed so far, as a job; poll `GET /jobs/{id}`."""
    job = jobs.create_job(session, actor=ctx, kind="retrain", params={})
    runner = request.app.state.job_runner
    jobs.enqueue_after_commit(session, runner=runner, job=job)  # the request's session scope commits
    return job_out(job, runner.board, RetrainJobOut)
