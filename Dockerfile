# Calm's HTTP service on the offline default (calm/playbook); set CALM_DEFAULT_MODEL and the
# provider's key (e.g. OPENAI_API_KEY) to draft with a hosted model instead.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    LITELLM_LOCAL_MODEL_COST_MAP=True \
    CALM_PROMPTS_DIR=/app/prompts \
    CALM_DATABASE_URL=sqlite:////data/calm.db

WORKDIR /app
COPY pyproject.toml README.md ./
COPY service ./service
COPY prompts ./prompts
COPY examples ./examples
RUN pip install --no-cache-dir . \
    && useradd --system --home-dir /app calm \
    && mkdir -p /data /app/.guardrails && chown calm /data /app/.guardrails

USER calm
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["calm", "serve", "--host", "0.0.0.0", "--port", "8000"]
