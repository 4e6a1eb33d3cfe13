"""A local HTTP server that speaks the OpenAI chat-completions protocol, for testing the real `openai` client.

Each test scripts it: replies are taken in order from a queue (then from `fallback`, if set), and each says what to
answer — a tool call, text (streamed as SSE `data:` chunks ending in `[DONE]` when the request asks for a stream),
an error status, after an optional delay. The server records every request body and the most requests it ever had
in flight at once."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    tool: str | None = None  # a function name: answer with one tool call
    arguments: str = "{}"  # its arguments, as the JSON text the model wrote (may be malformed on purpose)
    text: str | None = None
    status: int = 200
    delay: float = 0.0
    prompt_tokens: int = 100
    completion_tokens: int = 20
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def tool_call(cls, name: str, arguments: dict[str, Any] | str, **kwargs: Any) -> Reply:
        text = arguments if isinstance(arguments, str) else json.dumps(arguments)
        return cls(tool=name, arguments=text, **kwargs)

    @classmethod
    def error(cls, status: int, **kwargs: Any) -> Reply:
        # retry-after-ms keeps the SDK's backoff short, as a real provider's rate limiter would tell it.
        return cls(status=status, headers={"retry-after-ms": "5"}, **kwargs)


class ChatServer:
    def __init__(self) -> None:
        self.replies: deque[Reply] = deque()
        self.fallback: Callable[[dict[str, Any]], Reply] | None = None
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        # A short poll, so stopping the server at the end of every test does not wait half a second.
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def script(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            self.requests.append(body)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            if self.replies:
                return self.replies.popleft()
        if self.fallback is not None:
            return self.fallback(body)
        return Reply(status=500, text="the test did not script this request")

    def _done(self) -> None:
        with self._lock:
            self.in_flight -= 1


@contextmanager
def chat_server() -> Iterator[ChatServer]:
    server = ChatServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _completion(body: dict[str, Any], reply: Reply) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": reply.text}
    if reply.tool is not None:
        message["tool_calls"] = [
            {"id": "call_1", "type": "function", "function": {"name": reply.tool, "arguments": reply.arguments}}
        ]
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", ""),
        "choices": [
            {"index": 0, "message": message, "finish_reason": "tool_calls" if reply.tool else "stop", "logprobs": None}
        ],
        "usage": {
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
        },
    }


def _chunks(body: dict[str, Any], reply: Reply) -> Iterator[dict[str, Any]]:
    base = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": int(time.time())}
    base["model"] = body.get("model", "")
    text = reply.text or ""
    pieces = [text[i : i + 7] for i in range(0, len(text), 7)] or [""]
    for index, piece in enumerate(pieces):
        delta = {"content": piece, **({"role": "assistant"} if index == 0 else {})}
        yield {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
    yield {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
    if (body.get("stream_options") or {}).get("include_usage"):
        usage = {
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
        }
        yield {**base, "choices": [], "usage": usage}


def _handler(server: ChatServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send_json(self, status: int, payload: dict[str, Any], headers: dict[str, str]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
            if self.path.rstrip("/") != "/v1/chat/completions":
                self._send_json(404, {"error": {"message": f"no route {self.path}"}}, {})
                return
            with server._lock:
                server.headers.append(dict(self.headers))
            reply = server._next(body)
            try:
                time.sleep(reply.delay)
                if reply.status != 200:
                    error = {"error": {"message": reply.text or "scripted failure", "type": "server_error"}}
                    self._send_json(reply.status, error, reply.headers)
                elif body.get("stream"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.send_header("Cache-Control", "no-cache")
                    self.end_headers()
                    for chunk in _chunks(body, reply):
                        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                        self.wfile.flush()
                    self.wfile.write(b"data: [DONE]\n\n")
                    self.wfile.flush()
                else:
                    self._send_json(200, _completion(body, reply), reply.headers)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to answer
            finally:
                server._done()

    return Handler
