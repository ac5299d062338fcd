"""Runs a command in a real pseudo-terminal and plays a script against it, like a person would.

Input (stdin, JSON): {"argv": [...], "cwd": "...", "env": {...}, "steps": [[expect, send], ...],
"timeout": seconds}. Each step waits until `expect` (a regex) appears in the screen output that
follows the previous match, ANSI escapes removed, then types `send`.
Output (stdout, JSON): {"code": exit code or -signal, "output": everything printed, "failed": step index or null}.
"""
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>78]")


def main():
    spec = json.load(sys.stdin)
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(spec["cwd"])
        os.execvpe(spec["argv"][0], spec["argv"], spec["env"])
    # A wide screen, so that long choices are not wrapped in the middle of an expected text.
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", spec.get("rows", 40), spec.get("cols", 200), 0, 0))
    deadline = time.time() + spec.get("timeout", 30)
    raw = b""
    seen = 0  # matches are searched only after the previous one
    failed = None

    def read(wait):
        nonlocal raw
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        raw += chunk
        return True

    alive = True
    for index, (expect, send) in enumerate(spec["steps"]):
        pattern = re.compile(expect)
        while True:
            text = ANSI.sub("", raw.decode("utf-8", "replace"))
            match = pattern.search(text, seen)
            if match:
                seen = match.end()
                break
            if not alive or time.time() > deadline:
                failed = index
                break
            alive = read(0.1)
        if failed is not None:
            break
        time.sleep(0.05)  # let the prompt finish drawing before the keys arrive
        os.write(fd, send.encode("utf-8"))
    while alive and time.time() < deadline:
        alive = read(0.2)
    if alive:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"code": code, "output": ANSI.sub("", raw.decode("utf-8", "replace")), "failed": failed}))


if __name__ == "__main__":
    main()
