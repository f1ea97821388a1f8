"""The notices an app posted, caught with `run_test(message_hook=...)` (public API)."""

from __future__ import annotations

from textual.message import Message
from textual.notifications import Notify


class Notices(list[str]):
    """Every notice's text, in the order the app posted them."""

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.append(message.notification.message)
