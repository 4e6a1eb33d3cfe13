"""Bank imports: reading statements (formats/), cleaning payees, and turning rows into ledger transactions."""
