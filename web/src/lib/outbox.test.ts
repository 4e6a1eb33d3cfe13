import { discard, enqueue, listEntries, sync, type OutboxEntry, type SendOutcome } from "./outbox";

const body = (payee: string) => ({ type: "expense" as const, account: 1, amount: "3.20", date: "2026-11-23", payee });

async function clear() {
  for (const e of await listEntries()) await discard(e.id!);
}

describe("the offline outbox (IndexedDB)", () => {
  beforeEach(clear);

  it("keeps entries while the network is down and sends them in order when it is back", async () => {
    await enqueue(body("first"), 7);
    await enqueue(body("second"), 7);
    const offline = async (): Promise<SendOutcome> => ({
      ok: false,
      offline: true,
      error: "TypeError: Failed to fetch",
    });
    expect(await sync(offline)).toBe(0);
    expect((await listEntries()).map((e) => [e.body.payee, e.state])).toEqual([
      ["first", "queued"],
      ["second", "queued"],
    ]);

    const sent: string[] = [];
    const online = async (e: OutboxEntry): Promise<SendOutcome> => {
      sent.push(`${e.household_id}:${e.body.payee}`);
      return { ok: true };
    };
    expect(await sync(online)).toBe(2);
    expect(sent).toEqual(["7:first", "7:second"]);
    expect(await listEntries()).toEqual([]);
  });

  it("marks an entry the server refuses as failed, with the reason, and goes on", async () => {
    await enqueue(body("bad"), null);
    await enqueue(body("good"), null);
    const refuseBad = async (e: OutboxEntry): Promise<SendOutcome> =>
      e.body.payee === "bad" ? { ok: false, offline: false, error: "account: not found" } : { ok: true };
    expect(await sync(refuseBad)).toBe(1);
    const [left] = await listEntries();
    expect(left).toMatchObject({ state: "failed", error: "account: not found" });
    expect(left!.body.payee).toBe("bad");
  });
});
