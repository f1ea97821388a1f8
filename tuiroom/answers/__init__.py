"""What groups hand back: the answer forms, the order plenum walks through,
parsing an answer and tallying many.
"""
