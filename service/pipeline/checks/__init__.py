"""One guardrails-ai validator per contract check id; `guard.py` composes them."""
