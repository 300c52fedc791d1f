"""Calm: de-escalating reply drafts for customer-support agents."""

__version__ = "0.1.0"
