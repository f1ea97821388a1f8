"""People in groups: rosters from spreadsheets, new groupings for an exercise,
and fair roles in every group.
"""
