import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Preview } from "../api/client";
import { AppProvider } from "../state";
import { Import } from "./Import";

// The network is the one thing faked: the page's form posts go to a stand-in for the server (jsdom's FormData
// cannot cross into Node's fetch), everything else is the page as it ships.
const posted = vi.hoisted(() => [] as FormData[]);
vi.mock("../api/client", async (importActual) => ({
  ...(await importActual<typeof import("../api/client")>()),
  authedFetch: async (url: string, init?: RequestInit) => {
    if (url === "/api/v1/imports/preview") {
      posted.push(init!.body as FormData);
      return Response.json(PREVIEW);
    }
    return new Response(null, { status: 404 });
  },
}));

// ING Deutschland's export: ISO-8859-1, thirteen lines of preamble, then the header with two "Währung" columns.
const PREAMBLE = "Umsatzanzeige;Datei erstellt am: 28.12.2018 16:57\n;Letztes Update: aktuell\n\nIBAN;DE12 3456\n";
const HEADER =
  "Buchung;Wertstellungsdatum;Auftraggeber/Empf\xe4nger;Buchungstext;Verwendungszweck;Saldo;W\xe4hrung;Betrag;W\xe4hrung\n";
const COLUMNS = vi.hoisted(() => [
  "Buchung",
  "Wertstellungsdatum",
  "Auftraggeber/Empfänger",
  "Buchungstext",
  "Verwendungszweck",
  "Saldo",
  "Währung",
  "Betrag",
  "Währung (2)",
]);

/** What the server's preview answers for that file: the header it read past the preamble, decoded. */
const PREVIEW = vi.hoisted(() => ({
  format: "csv",
  profile: "ing-de",
  mapping: {
    date_column: "Buchung",
    amount_column: "Betrag",
    payee_column: "Auftraggeber/Empfänger",
    currency_column: "Währung (2)",
    date_format: "%d.%m.%Y",
    delimiter: ";",
    encoding: "iso-8859-1",
    header_line: 13,
  },
  columns: COLUMNS,
  confidence: 1,
  currency: null,
  account: "DE12 3456",
  rows: [
    {
      line: 15,
      date: "2018-12-28",
      amount: "-5.50",
      currency: "EUR",
      payee: "PayDude",
      raw_payee: "PayDude (Europe) S.a.r.l.",
      description: "PP.1234.PP",
      account: null,
      category: null,
      source: "none",
      confidence: null,
      reason: "",
    },
  ],
  issues: [],
  rules_skipped: [],
})) as unknown as Preview;

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

describe("Import's column mapping", () => {
  it("offers the columns the server read, not the file's first line, and sends the edit back", async () => {
    {
      render(
        <AppProvider>
          <Import />
        </AppProvider>,
      );
      const file = new File(
        [latin1(PREAMBLE + HEADER + "28.12.2018;28.12.2018;PayDude;Lastschrift;PP;150,00;EUR;-5,50;EUR\n")],
        "ing.csv",
        {
          type: "text/csv",
        },
      );
      fireEvent.change(screen.getByTestId("import-file"), { target: { files: [file] } });
      const payee = await screen.findByLabelText("Payee column");
      const offered = within(payee)
        .getAllByRole("option")
        .map((o) => o.textContent);
      expect(offered).toEqual(["—", ...COLUMNS]);
      expect(offered).not.toContain("Umsatzanzeige");
      expect((payee as HTMLSelectElement).value).toBe("Auftraggeber/Empfänger");
      expect((screen.getByLabelText("Amount column") as HTMLSelectElement).value).toBe("Betrag");

      fireEvent.change(payee, { target: { value: "Buchungstext" } });
      await waitFor(() => expect(posted).toHaveLength(2));
      expect(posted[0]!.get("mapping")).toBeNull(); // the first preview lets the server detect the layout
      expect(JSON.parse(posted[1]!.get("mapping") as string)).toMatchObject({
        payee_column: "Buchungstext",
        amount_column: "Betrag",
      });
    }
  });
});
