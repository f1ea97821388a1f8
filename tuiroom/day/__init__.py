"""Time in the room: clocks, the schedule, exercise phases, the running day and
what the room sees of it. No Textual here.
"""
