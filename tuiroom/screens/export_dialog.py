"""The day's notes as Markdown: a preview, where to save them, and where they went.

The document is built once, when the dialog opens, by the same code as
`tuiroom export`, so what the preview shows is what the file holds.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Markdown, Static

from tuiroom.i18n import t
from tuiroom.notes.files import ExportError, default_output, write_atomic
from tuiroom.notes.referat import export_samling
from tuiroom.screens.base import Dialog
from tuiroom.screens.confirm import ConfirmDialog
from tuiroom.store import Store

_LINE_BREAK = re.compile(r"(?<!\\)((?:\\\\)*)<br>")


def preview_text(document: str) -> str:
    """Textual's Markdown shows no HTML, so a line break inside a cell (written as <br>
    for other readers) would join two lines into one word; show it as a dot."""
    return _LINE_BREAK.sub(r"\1 · ", document)


class ExportDialog(Dialog[Path | None]):
    """Returns where the notes were written, or None if they were not."""

    BINDINGS = [
        Binding("escape", "close", "app.close"),
        Binding("ctrl+s", "save", "app.save", priority=True),
        Binding("ctrl+t", "switch_reader", "export.participants.switch", priority=True),
        Binding("pageup", "scroll_preview(-1)", show=False),
        Binding("pagedown", "scroll_preview(1)", show=False),
    ]
    DEFAULT_CSS = """
    ExportDialog > Vertical {
        width: 90%;
        max-width: 120;
        height: 90%;
    }
    ExportDialog .title { text-style: bold; color: $primary; }
    ExportDialog #preview-scroll { height: 1fr; border: round $panel-lighten-2; }
    ExportDialog #status { height: auto; margin-top: 1; }
    ExportDialog #status.-error { color: $error; }
    ExportDialog .help { color: $text-muted; }
    """

    def __init__(self, store: Store, samling_id: int) -> None:
        super().__init__()
        self.store = store
        self.samling_id = samling_id
        self.document = ""
        self.written: Path | None = None
        self.participants = False  # the participants' referat instead of the whole log

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("export.dialog_title"), classes="title", markup=False)
            yield Static(id="reader", markup=False)
            with VerticalScroll(id="preview-scroll"):
                yield Markdown(id="preview", open_links=False)
            yield Label(t("export.dialog_path"), markup=False)
            yield Input(id="path")
            yield Static(id="status", markup=False)
            yield Static(t("export.dialog_help"), classes="help", markup=False)
            yield Static(t("export.participants.dialog_switch"), classes="help", markup=False)

    async def on_mount(self) -> None:
        self.query_one("#path", Input).focus()
        await self.build()

    def default_path(self) -> Path:
        """Named in the document's language, the programme's (as `tuiroom export`)."""
        info = self.store.programme()
        lang = info.language if info else None
        suffix = t("export.participants.file_suffix", lang=lang) if self.participants else ""
        return default_output(self.store.path, self.store.samling(self.samling_id), suffix)

    async def build(self) -> None:
        """The document for the chosen reader, its preview, and its default file name."""
        self.document = export_samling(self.store, self.samling_id, participants=self.participants)
        reader = "dialog_for_participants" if self.participants else "dialog_for_log"
        self.query_one("#reader", Static).update(t(f"export.participants.{reader}"))
        self.query_one("#path", Input).value = str(self.default_path())
        await self.query_one("#preview", Markdown).update(preview_text(self.document))

    async def action_switch_reader(self) -> None:
        """The whole log or the participants' referat; a path typed by hand is kept."""
        path = self.query_one("#path", Input)
        typed = path.value.strip() != str(self.default_path())
        kept = path.value
        self.participants = not self.participants
        await self.build()
        if typed:
            path.value = kept

    @on(Input.Submitted, "#path")
    def action_save(self) -> None:
        """Write the file; an existing one is replaced only after a yes."""
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.show(t("export.dialog_empty"), error=True)
            return
        path = Path(text).expanduser()
        if path.exists() and not path.is_dir():
            question = t("export.replace_question", path=path)
            self.app.push_screen(ConfirmDialog(question), lambda yes: self.write(path, bool(yes)))
        else:
            self.write(path, force=False)

    def write(self, path: Path, force: bool) -> None:
        if not force and path.exists():
            return  # the room said no: the old file stays
        try:
            self.written = write_atomic(path, self.document, force=force)
        except ExportError as exc:
            self.show(exc.message(), error=True)
            return
        message = t("export.written", path=self.written)
        self.show(message)
        self.notify(message, timeout=6, markup=False)

    def show(self, message: str, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(message)
        status.set_class(error, "-error")

    def action_scroll_preview(self, pages: int) -> None:
        """Page through the preview while the cursor stays in the path."""
        preview = self.query_one("#preview-scroll", VerticalScroll)
        if pages > 0:
            preview.scroll_page_down()
        else:
            preview.scroll_page_up()

    def action_close(self) -> None:
        self.dismiss(self.written)
