"""The `tuiroom` command and its subcommands: arguments in, exit codes out,
nothing else.
"""
