"""The programme file a facilitator writes: pydantic models, loading, checks,
line positions and the times people type.
"""
