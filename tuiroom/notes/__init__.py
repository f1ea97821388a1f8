"""The day's notes as Markdown (the referat): documents, escaping, anonymising
and writing the file whole or not at all.
"""
