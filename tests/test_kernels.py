"""The warm kernel's papermill engine: its waits (``nps_kit._kernels``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest

from nps_kit import _kernels
from nps_kit._kernels import IOPUB_TIMEOUT, WarmKernel


def test_a_cells_output_is_awaited_longer_than_nbclients_four_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # BROWSE35: on a busy machine a unit failed with "Timeout waiting for IOPub output" after
    # nbclient's 4 s (papermill raises on it) and passed alone in 9 s.
    seen: list[int] = []

    class Recording(_kernels.PapermillNotebookClient):  # type: ignore[misc]
        def execute(self, **kwargs: Any) -> Any:
            seen.append(self.iopub_timeout)
            return super().execute(**kwargs)

    monkeypatch.setattr(_kernels, "PapermillNotebookClient", Recording)
    kernel = WarmKernel(preload=())
    kernel.start()
    try:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
        nb.metadata["kernelspec"] = {"name": "python3", "language": "python"}
        out = kernel.execute(nb, tmp_path / "out.ipynb")
    finally:
        kernel.shutdown()
    assert seen == [IOPUB_TIMEOUT] and IOPUB_TIMEOUT >= 60
    assert out.cells[0].outputs[0]["text"] == "42\n"
