"""Work on the second core: a function run in a forked child process; and child processes that
never outlive the build.

A forked child starts with a copy of the parent's memory (the checked dataset
included), so nothing but the function's result travels between the two
processes. Where fork is not available, the function simply runs at once.

Every process forked while this module is loaded (these jobs, the image-drawing workers of
render/charts.py) and MkDocs (publish/publish.py, through :func:`die_with_parent`) is killed
when the process that started it dies, however it dies (even SIGKILL): a forked child holds
copies of its parent's pipe ends, so without this it could wait for ever on a pipe whose
other end only it keeps open. On Linux the kernel does it (``PR_SET_PDEATHSIG``, asked for by
the thread that forks: builds fork from their main thread); elsewhere a thread of the child
watches for the parent to go.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_EVERY = 0.5     # seconds, where the kernel cannot signal the parent's death


def _kill_me_with_parent() -> bool:
    """Ask the kernel to SIGKILL this process when its parent dies; whether it could."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return False
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    return prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_EVERY)
    os._exit(1)


def die_with_parent(parent: int) -> None:
    """In a child process of ``parent``: end this process as soon as ``parent`` ends (also if it
    already has, before this was called)."""
    if not _kill_me_with_parent():
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the kernel was asked
        os._exit(1)


_forking_parent: int | None = None


def _before_fork() -> None:
    global _forking_parent
    _forking_parent = os.getpid()


def _after_fork_in_child() -> None:
    if _forking_parent is not None:
        die_with_parent(_forking_parent)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_child=_after_fork_in_child)


class BackgroundJob:
    """``function(*args)`` running in a child process; :meth:`result` waits for its value.

    ``modest``: the child gives way to other processes (a higher nice value): work that runs
    while MkDocs builds, whose time is what the build waits for."""

    def __init__(self, function: Callable[..., Any], *args: Any, modest: bool = False) -> None:
        self._value: tuple[bool, Any] | None = None
        self._process = None
        if "fork" not in multiprocessing.get_all_start_methods():
            self._value = _call(function, args)
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_result, args=(send, self._receive, function, args, modest),
                                        daemon=True)
        self._process.start()
        send.close()  # the child's copy is then the only one: its end (or its death) ends recv()

    def result(self) -> Any:
        if self._value is None:
            try:
                self._value = self._receive.recv()
            except EOFError:
                self._value = (False, RuntimeError(f"tiến trình phụ dừng đột ngột (mã {self._process.exitcode})"))
            self._process.join()
            self._receive.close()
        ok, value = self._value
        if not ok:
            raise value
        return value


def _call(function: Callable[..., Any], args: tuple) -> tuple[bool, Any]:
    try:
        return True, function(*args)
    except Exception as error:  # noqa: BLE001 - handed to the parent, which raises it
        return False, error


MODEST_NICE = 10  # a process at nice 10 gets about a tenth of a core that a nice-0 process also wants


def _send_result(send, receive, function: Callable[..., Any], args: tuple, modest: bool) -> None:
    receive.close()  # this copy of the parent's end: with the parent gone, sending fails, never waits
    if modest:
        os.nice(MODEST_NICE)
    result = _call(function, args)
    try:
        send.send(result)
        send.close()
    except BrokenPipeError:
        pass  # the parent no longer wants the result (its build stopped)
