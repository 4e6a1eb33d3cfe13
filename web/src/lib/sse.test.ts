import { parseBlock, readSse, type SseEvent } from "./sse";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

describe("reading server-sent events", () => {
  it("reassembles events split across chunks, in order", async () => {
    const events: SseEvent[] = [];
    await readSse(
      streamOf([
        'event: intent\ndata: {"kind"',
        ': "query"}\n\nevent: delta\ndata: {"text": "You "}\n',
        '\nevent: delta\r\ndata: {"text": "spent"}\r\n\r\n',
        "event: done\ndata: {}\n\n",
      ]),
      (e) => events.push(e),
    );
    expect(events.map((e) => e.event)).toEqual(["intent", "delta", "delta", "done"]);
    expect(JSON.parse(events[0]!.data)).toEqual({ kind: "query" });
    expect(
      events
        .slice(1, 3)
        .map((e) => (JSON.parse(e.data) as { text: string }).text)
        .join(""),
    ).toBe("You spent");
  });

  it("ignores comments and joins multi-line data", () => {
    expect(parseBlock(": keep-alive")).toBeNull();
    expect(parseBlock("data: a\ndata: b")).toEqual({ event: "message", data: "a\nb" });
  });
});
