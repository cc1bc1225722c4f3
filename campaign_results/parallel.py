"""Work on the second core: a function run in a forked child process.

A forked child starts with a copy of the parent's memory (the checked dataset
included), so nothing but the function's result travels between the two
processes. Where fork is not available, the function simply runs at once.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any


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
        self._process = context.Process(target=_send_result, args=(send, function, args, modest), daemon=True)
        self._process.start()
        send.close()

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


def _send_result(send, function: Callable[..., Any], args: tuple, modest: bool) -> None:
    if modest:
        os.nice(MODEST_NICE)
    send.send(_call(function, args))
    send.close()
