"""The guide's logic, free of MkDocs: hooks/*_hook.py adapt it to MkDocs events."""
