"""`aidwatch export | head`: the reader leaving early is not an error."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "args",
    [["export", "-f", "json"], ["export", "-f", "csv"], ["report"]],
)
def test_output_to_a_closed_pipe_exits_quietly(dev_store, args):
    command = [sys.executable, "-m", "aidwatch.cli", *args, "--db", dev_store]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # The reader leaves before a byte is written, as `head` does after its lines.
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0, stderr
    assert stderr == ""
