"""Wrong passwords cost time: the chat's login slows down per client address after a few misses.

Gradio checks a password as fast as it is sent (100 wrong ones in about a second). This ASGI
middleware sits in front of its `/login` route. Every attempt counts as a miss until Gradio
accepts it, so a burst of parallel guesses is held back as well as a sequence; after `free`
misses an address waits `2**(misses - free)` seconds (at most `longest`) before its next try is
even checked, and is told so with a 429 and `Retry-After`. A right password clears the count.
Behind a proxy every user shares the proxy's address: the cost is then shared too.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Misses:
    """Misses per address; `wait(addr)` is how long that address must still wait."""

    def __init__(
        self, free: int = 5, longest: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.free, self.longest, self.clock = free, longest, clock
        self._seen: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def wait(self, addr: str) -> float:
        with self._lock:
            count, last = self._seen.get(addr, (0, 0.0))
        if count < self.free:
            return 0.0
        delay = min(2.0 ** (count - self.free), self.longest)
        return max(0.0, last + delay - self.clock())

    def attempt(self, addr: str) -> None:
        with self._lock:
            count, _ = self._seen.get(addr, (0, 0.0))
            self._seen[addr] = (count + 1, self.clock())
            if len(self._seen) > 100_000:  # a flood of addresses must not grow this forever
                self._seen.pop(next(iter(self._seen)))

    def accepted(self, addr: str) -> None:
        with self._lock:
            self._seen.pop(addr, None)


class LoginThrottle:
    def __init__(self, app: ASGIApp, misses: Misses | None = None) -> None:
        self.app = app
        self.misses = misses or Misses()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_login(scope):
            await self.app(scope, receive, send)
            return
        addr = (scope.get("client") or ("unknown",))[0]
        wait = self.misses.wait(addr)
        if wait > 0:
            await _too_many(send, wait)
            return
        self.misses.attempt(addr)

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                self.misses.accepted(addr)
            await send(message)

        await self.app(scope, receive, watch)


def _is_login(scope: Scope) -> bool:
    return (
        scope["type"] == "http"
        and scope.get("method") == "POST"
        and str(scope.get("path", "")).rstrip("/").endswith("/login")
    )


async def _too_many(send: Send, wait: float) -> None:
    seconds = int(wait) + 1
    body = json.dumps({"detail": f"Too many wrong passwords: try again in {seconds} s."}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [
                (b"content-type", b"application/json"),
                (b"retry-after", str(seconds).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
