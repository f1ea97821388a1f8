"""The programme file a facilitator writes: pydantic models, loading, checks,
line positions and the times people type; and an agenda pasted from a slide, read into
the programme file `tuiroom new --from` writes.
"""
