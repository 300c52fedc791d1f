"""Deployment settings, read from the environment (prefix ``CALM_``) or a ``.env`` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CALM_", env_file=".env", extra="ignore")

    default_model: str = Field(
        "calm/playbook", description="LiteLLM model string used when a request names none"
    )
    fallback_models: list[str] = Field(
        default_factory=lambda: ["calm/playbook"],
        description="tried in order when the requested model errors or times out",
    )
    api_base: str | None = Field(
        None, description="base URL for the default model (LiteLLM proxy, Ollama...)"
    )
    api_key: str | None = Field(
        None, description="key for the default model; else LiteLLM's own env vars"
    )
    timeout_s: float = Field(
        30.0, gt=0, description="per model call, enforced with asyncio.wait_for"
    )
    num_retries: int = Field(
        1, ge=0, le=5, description="retries of the same model before falling back"
    )
    retry_backoff_s: float = Field(0.5, ge=0)
    max_reasks: int = Field(
        2, ge=0, le=5, description="re-asks with validator feedback before flagging"
    )
    temperature: float = Field(0.3, ge=0, le=2)
    max_output_tokens: int = Field(700, gt=0)
    default_input_budget: int = Field(
        12_000, gt=500, description="prompt token budget when the model's is unknown"
    )
    default_first_update: str = Field(
        "30 minutes", description="window for the next update when policy.sla has none"
    )
    default_resolution: str = Field(
        "1 business day", description="window for a fix when policy.sla has none"
    )
    prompts_dir: Path = REPO_ROOT / "prompts"
    database_url: str = "sqlite:///calm.db"


@lru_cache
def get_settings() -> Settings:
    return Settings()
