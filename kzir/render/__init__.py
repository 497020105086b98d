"""Presentation: turns listings and details into table, plain, JSON, JSONL or CSV output.

Only `table` imports Rich, and only when it is used; the machine formats are stdlib-only.
"""
