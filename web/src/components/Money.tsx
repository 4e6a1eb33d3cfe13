// An amount as the user reads it: the currency's own formatting, negatives marked (sign, colour and a label for
// screen readers), transfers neutral with an arrow so they never read as spending.
import { formatMoney, isNegative, isZero } from "../lib/money";

interface Props {
  amount: string;
  currency: string;
  transfer?: boolean;
  signed?: boolean;
  className?: string;
}

export function Money({ amount, currency, transfer, signed, className }: Props) {
  if (transfer) {
    return (
      <span className={`money money-transfer ${className ?? ""}`} title="Transfer between your accounts">
        <span aria-hidden="true">⇄ </span>
        <span className="sr-only">transfer of </span>
        {formatMoney(amount, currency, { abs: true })}
      </span>
    );
  }
  const negative = isNegative(amount);
  const zero = isZero(amount);
  const tone = negative ? "money-out" : signed && !zero ? "money-in" : "";
  return <span className={`money ${tone} ${className ?? ""}`}>{formatMoney(amount, currency, { sign: signed })}</span>;
}
