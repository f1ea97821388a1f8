"""Oppsummering: what the groups said, question by question, in this samling or an
earlier one ("Oppsummering fra samling 1"). Counted as bars where the answer kind can
be counted, and every group's answer as a card; the facilitator merges what the variant
table missed and puts either view on the projector. The counting is in `summaries`.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuiroom.answers import summaries
from tuiroom.answers.summaries import ChartRow, Summary
from tuiroom.day.stage import Offer
from tuiroom.i18n import t, tn
from tuiroom.screens.base import SectionScreen
from tuiroom.screens.pick_dialog import PickDialog
from tuiroom.screens.search_dialog import SearchDialog
from tuiroom.screens.staging import STAGE_BINDINGS, Staging
from tuiroom.store import Store
from tuiroom.store.answers import SearchHit
from tuiroom.store.records import ExerciseRow, QuestionRow
from tuiroom.widgets.bar_chart import BarChart
from tuiroom.widgets.cards import Card, CardGrid
from tuiroom.widgets.text import Line

PROJECTOR_WIDTH = 76  # lines for the projector: fits its 80 columns less the padding
MAX_K = 9  # a diamond's worth: nobody ranks further than that in plenum
MERGEABLE = ("list", "ranked", "points", "diamond")


class SummaryScreen(SectionScreen, Staging):
    SECTION = "summary"
    AUTO_FOCUS = "#summary-questions"
    DEFAULT_CSS = """
    SummaryScreen #summary-title { height: 1; padding: 0 1; text-style: bold; color: $primary; }
    SummaryScreen #summary-body { height: 1fr; }
    SummaryScreen #summary-questions { width: 34%; min-width: 32; max-width: 46; height: 1fr;
                                      scrollbar-gutter: stable; scrollbar-size-vertical: 1;
                                      text-overflow: ellipsis; }
    SummaryScreen #summary-detail { width: 1fr; height: 1fr; padding: 0 1; }
    SummaryScreen #summary-question { text-style: bold; }
    SummaryScreen #summary-info { color: $text-muted; }
    SummaryScreen #summary-empty { margin: 1 0; text-style: italic; }
    SummaryScreen #summary-chart { margin-top: 1; }
    SummaryScreen #summary-row { height: auto; max-height: 3; color: $text-muted; }
    SummaryScreen #summary-row.-open { max-height: 75%; color: $text; }
    """
    BINDINGS = [
        Binding("left_square_bracket", "step(-1)", "summary.key.previous", show=False),
        Binding("right_square_bracket", "step(1)", "summary.key.next", show=False),
        Binding("b", "toggle_view", "summary.key.view"),
        Binding("plus", "k(1)", "summary.key.more", show=False),  # the info line says +/−
        Binding("minus", "k(-1)", "summary.key.fewer", show=False),
        Binding("m", "merge", "summary.key.merge"),
        Binding("u", "split", "summary.key.split"),
        Binding("slash", "search", "summary.key.search"),
        Binding("s", "samling", "summary.key.samling"),
        Binding("enter", "who", "summary.key.who"),
        *STAGE_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.samling_id = 0
        self.questions: list[tuple[ExerciseRow, QuestionRow]] = []
        self.question_id: int | None = None
        self.summary: Summary | None = None
        self.k = 3
        self.tally_view = True
        self.listed: tuple[tuple[int, ...], frozenset[int]] | None = None
        self.row_open = False  # every group behind the highlighted bar, not just how many

    @property
    def store(self) -> Store:
        return self.room_app.store

    def compose_body(self) -> ComposeResult:
        yield Static(id="summary-title", markup=False)
        with Horizontal(id="summary-body"):
            yield OptionList(id="summary-questions", markup=False)
            with Vertical(id="summary-detail"):
                yield Static(id="summary-question", markup=False)
                yield Static(id="summary-info", markup=False)
                yield Line(id="summary-empty", markup=False)
                yield BarChart(id="summary-chart")
                yield CardGrid(id="summary-answers")
                yield Static(id="summary-row", markup=False)

    def on_mount(self) -> None:
        self.watch(self.app, "samling_id", self.show_samling)

    def on_screen_resume(self) -> None:
        """Back from typing answers elsewhere: show what was added since."""
        if self.samling_id:
            self.show_samling(self.samling_id, self.question_id)

    # ── what is shown ─────────────────────────────────────────────────────────

    def show_samling(self, samling_id: int, question_id: int | None = None) -> None:
        """A samling's questions, keeping the question in view when it is still there."""
        self.samling_id = samling_id
        samling = self.store.samling(samling_id)
        name = samling.title if samling else "?"
        self.query_one("#summary-title", Static).update(t("summary.title", samling=name))
        self.questions = summaries.questions_of(self.store, samling_id)
        answered = set(self.store.answered_questions(samling_id))
        ids = [question.id for _, question in self.questions]
        chosen = question_id if question_id in ids else self.question_id
        if chosen not in ids:
            chosen = next((i for i in ids if i in answered), ids[0] if ids else None)
        self.list_questions(answered, ids.index(chosen) if chosen is not None else None)
        self.show_question(chosen)

    def list_questions(self, answered: set[int], highlighted: int | None) -> None:
        """Rebuilt only when something in it changed, so closing a dialog does not make
        the list jump; a rebuilt list shows the chosen question at its top."""
        listing = self.query_one("#summary-questions", OptionList)
        listed = (tuple(q.id for _, q in self.questions), frozenset(answered))
        with listing.prevent(OptionList.OptionHighlighted):
            if listed != self.listed:
                self.listed = listed
                listing.clear_options()
                listing.add_options(prompt(q, q.id in answered) for _, q in self.questions)
                self.call_after_refresh(listing.scroll_to_highlight, top=True)
            listing.highlighted = highlighted

    def show_question(self, question_id: int | None, keep: str | None = None) -> None:
        """Summed up afresh; a new question opens on its tally when it has one."""
        fresh = question_id != self.question_id or self.summary is None
        self.summary = self.summarise(question_id)
        if fresh:
            self.tally_view = summaries.has_tally(self.summary.kind) if self.summary else True
        self.question_id = question_id
        self.redraw(keep)

    def summarise(self, question_id: int | None) -> Summary | None:
        if question_id is None:
            return None
        return summaries.summarise(self.store, question_id, self.k)

    def redraw(self, keep: str | None = None) -> None:
        """Everything below the question list; the chart keeps its row, or `keep`."""
        summary = self.summary
        rows = summaries.chart_rows(summary) if summary else []
        self.query_one("#summary-question", Static).update(summary.question if summary else "")
        self.query_one("#summary-info", Static).update(self.info() if summary else "")
        self.query_one("#summary-empty", Line).show_line(self.empty_line(rows))
        chart = self.query_one(BarChart)
        chart.display = bool(summary and self.tally_view and rows)
        keep = keep or (chart.current.key if chart.current else None)
        chart.show(rows, summaries.chart_maximum(summary, rows) if summary else 1.0, keep)
        cards = self.query_one(CardGrid)
        cards.display = bool(summary and summary.answers and not self.tally_view)
        cards.show(answer_cards(summary) if summary else [])
        self.query_one("#summary-row", Static).display = chart.display
        if self.focused is not None and not self.focused.display:
            self.query_one("#summary-questions").focus()
        self.refresh_bindings()

    def info(self) -> str:
        assert self.summary is not None
        summary = self.summary
        groups = len({a.group_key for a in summary.answers})
        parts = [summary.exercise, t(f"answer.{summary.kind}")]
        if groups:
            parts.append(tn("summary.groups_answered", groups))
        if summary.kind == "ranked" and self.tally_view:
            parts.append(t("summary.top_k", k=self.k))
        return " · ".join(part for part in parts if part)

    def empty_line(self, rows: list[ChartRow]) -> str:
        if not self.questions:
            return t("summary.no_questions")
        if self.summary is None or not self.summary.answers:
            return t("summary.no_answers")
        if self.tally_view and not rows:
            return t("summary.nothing_to_count")
        return ""

    @on(BarChart.Moved)
    def row_moved(self, event: BarChart.Moved) -> None:
        self.row_open = False
        self.show_row(event.row)

    def show_row(self, row: ChartRow | None) -> None:
        detail = row_detail(self.summary, row, self.row_open) if self.summary and row else ""
        line = self.query_one("#summary-row", Static)
        line.set_class(self.row_open, "-open")
        line.update(detail)
        self.refresh_bindings()

    @on(OptionList.OptionHighlighted, "#summary-questions")
    def question_moved(self, event: OptionList.OptionHighlighted) -> None:
        chosen = event.option_list.highlighted_option
        if chosen is not None and chosen.id is not None and int(chosen.id) != self.question_id:
            self.show_question(int(chosen.id))

    # ── keys ──────────────────────────────────────────────────────────────────

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that mean nothing for this question are left out of the footer."""
        staged = self.stage_check(action)
        if staged is not None:
            return staged
        summary = self.summary
        kind = summary.kind if summary else ""
        counted = bool(summary and self.tally_view and summaries.chart_rows(summary))
        if action == "k":
            return kind == "ranked" and self.tally_view
        if action in ("merge", "split"):
            return kind in MERGEABLE and counted
        if action == "who":
            chart = self.query_one(BarChart)
            row = chart.current
            return counted and chart.has_focus and row is not None and summaries.folded(row.groups)
        if action == "toggle_view":
            return bool(summary and summary.answers and summaries.has_tally(kind))
        return True

    def action_step(self, step: int) -> None:
        if not self.questions:
            return
        listing = self.query_one("#summary-questions", OptionList)
        index = min(max((listing.highlighted or 0) + step, 0), len(self.questions) - 1)
        with listing.prevent(OptionList.OptionHighlighted):
            listing.highlighted = index
        self.show_question(self.questions[index][1].id)

    def action_who(self) -> None:
        """Unfold (or fold again) the groups behind the highlighted bar."""
        self.row_open = not self.row_open
        self.show_row(self.query_one(BarChart).current)

    def action_toggle_view(self) -> None:
        self.tally_view = not self.tally_view
        self.redraw()

    def action_k(self, step: int) -> None:
        self.k = min(max(self.k + step, 1), MAX_K)
        self.show_question(self.question_id)

    def action_samling(self) -> None:
        """The samling before this one (looking back is why this screen exists), round."""
        ids = [s.id for s in self.store.samlinger()]
        if ids:
            at = ids.index(self.samling_id) if self.samling_id in ids else 0
            self.show_samling(ids[(at - 1) % len(ids)])

    def action_merge(self) -> None:
        row = self.query_one(BarChart).current
        if row is None or self.question_id is None:
            return
        others = [(r.key, f"{r.label} ({r.number})") for r in self.chart_rows() if r != row]
        if not others:
            self.notify(t("summary.nothing_to_merge"), timeout=3)
            return
        title = t("summary.merge_title", label=row.label)
        self.app.push_screen(PickDialog(title, others), lambda into: self.merge(row, into))

    def merge(self, row: ChartRow, into: str | None) -> None:
        if into is None or self.question_id is None:
            return
        target = next((r.label for r in self.chart_rows() if r.key == into), into)
        merges = summaries.merge(self.store, self.question_id, row.key, into)
        self.show_question(self.question_id, keep=merges.root(into))
        self.notify(t("summary.merged", label=row.label, into=target), timeout=3)

    def action_split(self) -> None:
        row = self.query_one(BarChart).current
        if row is None or self.question_id is None:
            return
        members = summaries.merged_into(self.store, self.question_id, row)
        if not members:
            self.notify(t("summary.nothing_merged", label=row.label), timeout=3)
        elif len(members) == 1:
            self.split(*members[0])
        else:
            labels = dict(members)
            title = t("summary.split_title", label=row.label)
            self.app.push_screen(
                PickDialog(title, members),
                lambda key: self.split(key, labels[key]) if key else None,
            )

    def split(self, key: str, label: str) -> None:
        if self.question_id is None:
            return
        summaries.split(self.store, self.question_id, key)
        self.show_question(self.question_id)
        self.notify(t("summary.split_done", label=label), timeout=3)

    def action_search(self) -> None:
        self.app.push_screen(SearchDialog(self.store), self.jump)

    def jump(self, hit: SearchHit | None) -> None:
        """To the question of a hit, in its samling, with the group's answer picked out."""
        if hit is None:
            return
        self.show_samling(hit.samling_id, hit.question_id)
        self.tally_view = False
        self.redraw()
        answers = self.summary.answers if self.summary else ()
        index = next((i for i, a in enumerate(answers) if a.id == hit.answer_id), 0)
        cards = self.query_one(CardGrid)
        cards.selected = (index, 0)
        cards.focus()
        cards.draw()
        self.call_after_refresh(cards.scroll_to_card, index)

    def stage_offer(self) -> Offer | None:
        """The tally as lines when it is shown and has any, else the answers as cards."""
        summary = self.summary
        if summary is None or not summary.answers:
            return None
        lines = summaries.tally_lines(summary, PROJECTOR_WIDTH) if self.tally_view else []
        if lines:
            return Offer("summary", {"title": summary.question, "lines": lines})
        cards = [card.as_payload() for card in answer_cards(summary)]
        return Offer("cards", {"title": summary.question, "cards": cards})

    def stage_notice(self, offer: Offer) -> str:
        return t("summary.on_projector")

    def stage_missing(self) -> str:
        return t("summary.nothing_to_project")

    def chart_rows(self) -> list[ChartRow]:
        return summaries.chart_rows(self.summary) if self.summary else []


def prompt(question: QuestionRow, answered: bool) -> Option:
    """A question in the list; a filled dot when some group has answered it."""
    mark = ("● ", "bold $success") if answered else ("○ ", "dim")
    return Option(Content.assemble(mark, question.text), id=str(question.id))


def answer_cards(summary: Summary) -> list[Card]:
    return [
        Card(a.group_label or a.group_key, summaries.answer_lines(summary.kind, a))
        for a in summary.answers
    ]


def row_detail(summary: Summary, row: ChartRow, open: bool = False) -> str:
    """Who named the highlighted value and how they wrote it, so a merge can be checked.
    Many groups are counted ("Tillit: 30 grupper") unless the row is `open`."""
    if summary.kind == "scale":
        found = next((r for r in summary.scale if r.statement == row.key), None)
        if found is None:
            return ""
        return t("summary.row_scale", low=found.low, high=found.high, count=found.count)
    if open:
        names = ", ".join(row.groups)
        parts = [t("summary.row_open", label=row.label, count=len(row.groups), groups=names)]
    else:
        parts = [f"{row.label}: {summaries.who(row.groups)}"]
        if summaries.folded(row.groups):
            parts.append(t("summary.row_folded"))
    if len(row.spellings) > 1:
        parts.append(t("summary.row_spellings", spellings=", ".join(row.spellings)))
    return " · ".join(parts)
