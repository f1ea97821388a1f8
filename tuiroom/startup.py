"""The cyclic garbage collector held off while a window starts.

Opening a window builds over a hundred thousand objects (Textual's modules and classes,
the stylesheet, the first screen) that all live as long as the app. Python's collector
walked through them about a hundred times before the first frame, some 20 ms of a start
of about 0.3 s, and found next to nothing to free. So `tuiroom run` and `tuiroom
projector` pause it before they import Textual, and the first screen resumes it once it
has drawn. What the start built is frozen then (`gc.freeze`), so later collections in a
long day do not walk it either. Reference counting frees memory as usual meanwhile.
"""

from __future__ import annotations

import gc


def pause_collector() -> None:
    gc.disable()


def resume_collector(*, freeze: bool = True) -> None:
    """Collect again. Nothing happens where the collector was never paused (a test's
    app), so objects are frozen only once, after a real start."""
    if gc.isenabled():
        return
    if freeze:
        gc.freeze()
    gc.enable()
