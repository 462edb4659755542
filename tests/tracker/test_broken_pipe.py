"""`aidwatch export | head`: the reader leaving early is not an error."""

from __future__ import annotations

import subprocess
import sys


def test_export_to_a_closed_pipe_exits_quietly(dev_store):
    command = [sys.executable, "-m", "aidwatch.cli", "export", "-f", "json", "--db", dev_store]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # The reader leaves before a byte is written, as `head` does after its lines.
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0, stderr
    assert stderr == ""
