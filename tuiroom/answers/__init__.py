"""What groups hand back: the answer forms, the order plenum walks through,
parsing an answer, folding its spellings into one value and tallying many.
"""
