"""A prompt library for the playbook tests, built once per session in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.pipeline.prompt_files import PromptLibrary
from tests.playbook.helpers import write_library


@pytest.fixture(scope="session")
def library(tmp_path_factory: pytest.TempPathFactory) -> PromptLibrary:
    return write_library(Path(tmp_path_factory.mktemp("prompts")))
