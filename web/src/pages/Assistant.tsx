// The assistant: ask about the ledger in plain words. Replies stream in; answers show their query and the rows
// behind them; changes come as proposals to confirm or cancel, and a confirmed one can be undone. The microphone
// records a question and sends it to the speech endpoint.
import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  api,
  authedFetch,
  must,
  problemOf,
  undoGroup,
  type Conversation,
  type Message,
  type Proposal,
} from "../api/client";
import { Icon } from "../components/Icon";
import { Money } from "../components/Money";
import { formatDate, formatDateTime, today } from "../lib/dates";
import { ledgerChanged } from "../lib/load";
import { Link, withQuery } from "../lib/router";
import { readSse } from "../lib/sse";
import { useApp } from "../state";

const SUGGESTIONS = [
  "How much did we spend on groceries this month?",
  "What was our savings rate last month?",
  "Coffee 4.50 today",
];

interface Pending {
  text: string;
  reply: string;
}

export function Assistant() {
  const { viewing, toast } = useApp();
  const [conversation, setConversation] = useState<number | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const log = useRef<HTMLDivElement>(null);
  // Bumped by "New conversation": a load of the latest conversation still under way must not bring it back.
  const fresh = useRef(0);

  // The latest conversation is picked up again; a new one starts when there is none.
  useEffect(() => {
    let live = true;
    const started = fresh.current;
    const current = () => live && fresh.current === started;
    (async () => {
      const list = must(await api.GET("/api/v1/assistant/conversations"));
      if (!live) return;
      setConversations(list);
      const latest = list[0];
      if (!current()) return;
      if (latest) await open(latest.id, current);
      else {
        setConversation(null);
        setMessages([]);
      }
    })().catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewing]);

  async function open(id: number, live: () => boolean = () => true) {
    const detail = must(
      await api.GET("/api/v1/assistant/conversations/{conversation_id}", { params: { path: { conversation_id: id } } }),
    );
    if (!live()) return;
    setConversation(id);
    setMessages(detail.messages);
  }

  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [messages, pending]);

  async function ensureConversation(): Promise<number> {
    if (conversation !== null) return conversation;
    const created = must(await api.POST("/api/v1/assistant/conversations", { body: { title: "" } }));
    setConversation(created.id);
    setConversations((list) => [created, ...list]);
    return created.id;
  }

  async function ask(question: string) {
    const said = question.trim();
    if (!said || pending) return;
    setText("");
    setError("");
    setPending({ text: said, reply: "" });
    try {
      const id = await ensureConversation();
      const response = await authedFetch(`/api/v1/assistant/conversations/${id}/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify({ text: said, today: today() }),
      });
      if (!response.ok) throw await problemOf(response);
      let reply: Message | null = null;
      if (response.headers.get("content-type")?.includes("text/event-stream") && response.body) {
        await readSse(response.body, ({ event, data }) => {
          if (event === "delta") {
            const piece = (JSON.parse(data) as { text: string }).text;
            setPending((p) => (p ? { ...p, reply: p.reply + piece } : p));
          } else if (event === "message") {
            reply = JSON.parse(data) as Message;
          }
        });
      } else {
        reply = (await response.json()) as Message;
      }
      // The history has both sides with their ids; fetch it rather than invent the user's message locally.
      const detail = must(
        await api.GET("/api/v1/assistant/conversations/{conversation_id}", {
          params: { path: { conversation_id: id } },
        }),
      );
      setMessages(detail.messages.length ? detail.messages : reply ? [reply] : []);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setPending(null);
    }
  }

  function replaceProposal(next: Proposal) {
    setMessages((ms) => ms.map((m) => (m.proposal?.id === next.id ? { ...m, proposal: next } : m)));
  }

  async function decide(proposal: Proposal, action: "confirm" | "cancel") {
    try {
      const path = { params: { path: { proposal_id: proposal.id } } };
      const next =
        action === "confirm"
          ? must(await api.POST("/api/v1/assistant/proposals/{proposal_id}/confirm", path))
          : must(await api.POST("/api/v1/assistant/proposals/{proposal_id}/cancel", path));
      replaceProposal(next);
      if (action === "confirm") {
        ledgerChanged();
        toast({
          text: `Done: ${next.summary}`,
          tone: "success",
          undo: next.event_group ? () => undo(next) : undefined,
        });
      }
    } catch (err) {
      toast({ text: (err as Error).message, tone: "error" });
    }
  }

  async function undo(proposal: Proposal) {
    await undoGroup(proposal.event_group ?? null);
    ledgerChanged();
    setMessages((ms) =>
      ms.map((m) =>
        m.proposal?.id === proposal.id ? { ...m, proposal: { ...proposal, undone: true } as Proposal } : m,
      ),
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void ask(text);
  }

  return (
    <div className="page assistant-page">
      <header className="page-head">
        <h1>Assistant</h1>
        <span className="form-actions">
          {conversations.length > 1 && (
            <select
              aria-label="Earlier conversations"
              className="conversation-picker"
              value={conversation ?? ""}
              onChange={(e) =>
                e.target.value && void open(Number(e.target.value)).catch((err: Error) => setError(err.message))
              }
            >
              {conversation === null && <option value="">New conversation</option>}
              {conversations.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title || formatDateTime(c.created_at)}
                </option>
              ))}
            </select>
          )}
          <button
            type="button"
            className="button ghost small"
            onClick={() => {
              fresh.current += 1;
              setConversation(null);
              setMessages([]);
            }}
          >
            New conversation
          </button>
        </span>
      </header>
      <div className="chat-log" ref={log} aria-live="polite" aria-label="Conversation" role="log">
        {messages.length === 0 && !pending && (
          <div className="card">
            <h2>Ask about your money, or tell it what you spent</h2>
            <p className="muted">
              Answers come from your ledger and show the transactions behind them. Changes wait for your confirmation.
            </p>
            <div className="suggestions">
              {SUGGESTIONS.map((s) => (
                <button type="button" key={s} className="button ghost small" onClick={() => void ask(s)}>
                  {s}
                </button>
              ))}
            </div>
          </div>
        )}
        {messages.map((m) => (
          <Bubble
            key={m.id}
            message={m}
            onDecide={decide}
            onUndo={(p) => undo(p).then(() => toast({ text: "Undone", tone: "success" }))}
          />
        ))}
        {pending && (
          <>
            <div className="bubble user">{pending.text}</div>
            <div className="bubble assistant typing" aria-busy="true">
              {pending.reply}
            </div>
          </>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <form className="composer" onSubmit={submit}>
        <label className="sr-only" htmlFor="ask">
          Ask the assistant
        </label>
        <input
          id="ask"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="How much on restaurants last month?"
          autoComplete="off"
          disabled={pending !== null}
        />
        <Recorder
          conversation={conversation}
          onTranscribed={(messagesNow) => setMessages(messagesNow)}
          ensureConversation={ensureConversation}
        />
        <button type="submit" className="button primary" disabled={!text.trim() || pending !== null} aria-label="Send">
          <Icon name="send" />
        </button>
      </form>
    </div>
  );
}

function Bubble({
  message,
  onDecide,
  onUndo,
}: {
  message: Message;
  onDecide: (p: Proposal, a: "confirm" | "cancel") => void;
  onUndo: (p: Proposal) => void;
}) {
  if (message.role === "user") return <div className="bubble user">{message.text}</div>;
  const evidence = message.evidence;
  const query = message.query ?? null;
  // The answer's spec opens the listing of exactly the transactions behind its figure.
  const listed =
    query && evidence && evidence.count > 0 && query.metric !== "balance" && query.metric !== "net_worth"
      ? withQuery("/transactions", {
          measure: query.measure,
          start: query.start,
          end: query.end,
          currency: query.currency,
          category: query.category,
          account: query.account,
          payee: query.payee,
        })
      : null;
  return (
    <div className="bubble assistant" data-kind={message.kind ?? ""}>
      <div>{message.text}</div>
      {message.value !== null && message.value !== undefined && message.currency && (
        <span className="answer-figure">
          <Money amount={message.value} currency={message.currency} />
        </span>
      )}
      {evidence?.comparison && evidence.comparison.length > 0 && (
        <FigureTable
          caption="Compared"
          rows={evidence.comparison}
          currency={message.currency}
          difference={evidence.difference ?? null}
        />
      )}
      {evidence?.breakdown && evidence.breakdown.length > 0 && (
        <FigureTable
          caption={breakdownCaption(query?.group_by)}
          rows={evidence.breakdown}
          currency={message.currency}
        />
      )}
      {(evidence || query) && (
        <details className="evidence">
          <summary>
            Evidence{evidence ? `: ${evidence.count} transaction${evidence.count === 1 ? "" : "s"}` : ""}
          </summary>
          {query && (
            <div className="query-spec" aria-label="The query">
              {Object.entries(query)
                .filter(([, v]) => v !== null && v !== undefined && v !== "")
                .map(([k, v]) => (
                  <span key={k} className="badge">
                    {k}: {typeof v === "object" ? JSON.stringify(v) : String(v)}
                  </span>
                ))}
            </div>
          )}
          {evidence?.transactions && evidence.transactions.length > 0 && (
            <RowsTable rows={evidence.transactions} currency={message.currency} />
          )}
          {listed && evidence && (
            <Link to={listed} className="small">
              See {evidence.count === 1 ? "this transaction" : `these ${evidence.count} transactions`}
            </Link>
          )}
        </details>
      )}
      {message.candidates && message.candidates.length > 0 && (
        <div className="evidence">
          <p className="muted small">Which one did you mean?</p>
          <RowsTable rows={message.candidates} currency={message.currency} signed />
        </div>
      )}
      {message.proposal && <ProposalCard proposal={message.proposal} onDecide={onDecide} onUndo={onUndo} />}
    </div>
  );
}

type FigureRow = NonNullable<NonNullable<Message["evidence"]>["breakdown"]>[number];

function breakdownCaption(groupBy: string | null | undefined): string {
  if (groupBy === "payee") return "By merchant";
  if (groupBy === "category") return "By category";
  if (groupBy === "month") return "By month";
  return "Rows";
}

/** A ranking, breakdown or comparison as a small table: each row's key, its amount and how many transactions. */
export function FigureTable({
  caption,
  rows,
  currency,
  difference,
}: {
  caption: string;
  rows: FigureRow[];
  currency?: string | null;
  difference?: string | null;
}) {
  return (
    <div className="table-scroll">
      <table className="simple-table figure-table">
        <caption className="small muted">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col" className="num">
              Transactions
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.key}</th>
              <td className="num">{currency ? <Money amount={row.amount} currency={currency} /> : row.amount}</td>
              <td className="num">{row.count > 0 ? row.count : ""}</td>
            </tr>
          ))}
        </tbody>
        {difference !== null && difference !== undefined && (
          <tfoot>
            <tr>
              <th scope="row">Difference</th>
              <td className="num">
                {currency ? <Money amount={difference} currency={currency} signed /> : difference}
              </td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** Evidence rows carry amounts as the answer counted them (spending positive); candidates are signed ledger rows. */
function RowsTable({
  rows,
  currency,
  signed,
}: {
  rows: NonNullable<Message["candidates"]>;
  currency?: string | null;
  signed?: boolean;
}) {
  return (
    <div className="table-scroll">
      <table className="simple-table">
        <thead>
          <tr>
            <th>Date</th>
            <th>Payee</th>
            <th>Category</th>
            <th className="num">Amount</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 25).map((r) => (
            <tr key={r.id}>
              <td>{formatDate(r.date)}</td>
              <td>{r.payee}</td>
              <td className="muted">{r.category ?? "—"}</td>
              <td className="num">
                <Money
                  amount={r.amount}
                  currency={r.currency ?? currency ?? "USD"}
                  transfer={r.type === "transfer"}
                  signed={signed}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProposalCard({
  proposal,
  onDecide,
  onUndo,
}: {
  proposal: Proposal;
  onDecide: (p: Proposal, a: "confirm" | "cancel") => void;
  onUndo: (p: Proposal) => void;
}) {
  const undone = (proposal as Proposal & { undone?: boolean }).undone;
  // A new transaction has no "before": show its fields as a plain list of values.
  const showBefore = proposal.action !== "create";
  const label = {
    pending: "Waiting for you",
    confirmed: undone ? "Undone" : "Done",
    cancelled: "Cancelled",
    expired: "Expired",
  }[proposal.status];
  return (
    <div className="proposal" data-testid="proposal" data-status={proposal.status}>
      <div className="proposal-head">
        <strong>{proposal.summary}</strong>
        <span
          className={`badge ${proposal.status === "confirmed" && !undone ? "ok" : proposal.status === "pending" ? "warn" : ""}`}
        >
          {label}
        </span>
      </div>
      {proposal.diff.length > 0 && (
        <table className="simple-table diff">
          <thead>
            <tr>
              <th>Field</th>
              {showBefore && <th>Before</th>}
              <th>{showBefore ? "After" : "Value"}</th>
            </tr>
          </thead>
          <tbody>
            {proposal.diff.map((d) => (
              <tr key={d.field}>
                <td>{d.field}</td>
                {showBefore && (
                  <td className="before">{d.before === null || d.before === undefined ? "—" : String(d.before)}</td>
                )}
                <td className={showBefore ? "after" : ""}>
                  {d.after === null || d.after === undefined ? "—" : String(d.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="proposal-actions">
        {proposal.status === "pending" && (
          <>
            <button type="button" className="button primary small" onClick={() => onDecide(proposal, "confirm")}>
              <Icon name="check" size={16} /> Confirm
            </button>
            <button type="button" className="button ghost small" onClick={() => onDecide(proposal, "cancel")}>
              Cancel
            </button>
          </>
        )}
        {proposal.status === "confirmed" && proposal.event_group && !undone && (
          <button type="button" className="button ghost small" onClick={() => onUndo(proposal)}>
            <Icon name="undo" size={16} /> Undo
          </button>
        )}
      </div>
    </div>
  );
}

function Recorder(props: {
  conversation: number | null;
  ensureConversation: () => Promise<number>;
  onTranscribed: (messages: Message[]) => void;
}) {
  const { toast } = useApp();
  const [recording, setRecording] = useState(false);
  const [busy, setBusy] = useState(false);
  const recorder = useRef<MediaRecorder | null>(null);
  if (typeof window === "undefined" || !("MediaRecorder" in window) || !navigator.mediaDevices) return null;

  async function start() {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks: Blob[] = [];
      const rec = new MediaRecorder(stream);
      rec.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);
      rec.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        void send(new Blob(chunks, { type: rec.mimeType || "audio/webm" }));
      };
      rec.start();
      recorder.current = rec;
      setRecording(true);
    } catch (err) {
      toast({ text: `The microphone is not available: ${(err as Error).message}`, tone: "error" });
    }
  }

  async function send(audio: Blob) {
    setBusy(true);
    try {
      const id = await props.ensureConversation();
      const form = new FormData();
      const ext = audio.type.includes("ogg") ? "ogg" : audio.type.includes("wav") ? "wav" : "webm";
      form.set("audio", audio, `question.${ext}`);
      form.set("conversation_id", String(id));
      form.set("today", today());
      const response = await authedFetch("/api/v1/assistant/speech", { method: "POST", body: form });
      if (!response.ok) throw await problemOf(response);
      const detail = must(
        await api.GET("/api/v1/assistant/conversations/{conversation_id}", {
          params: { path: { conversation_id: id } },
        }),
      );
      props.onTranscribed(detail.messages);
    } catch (err) {
      toast({ text: `Could not understand the recording: ${(err as Error).message}`, tone: "error" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <span className="muted small mic-status" role="status">
        {recording ? "Listening…" : busy ? "Transcribing…" : ""}
      </span>
      <button
        type="button"
        className={`icon-button mic ${recording ? "recording" : ""}`}
        aria-pressed={recording}
        aria-label={recording ? "Stop recording and send" : "Ask by voice"}
        disabled={busy}
        onClick={() => {
          if (recording) {
            recorder.current?.stop();
            setRecording(false);
          } else void start();
        }}
      >
        <Icon name={recording ? "stop" : "mic"} />
      </button>
    </>
  );
}
