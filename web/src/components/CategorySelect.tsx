// A category picker: groups as <optgroup>s, categories by name, filtered to the kind that fits the transaction.
import type { Category } from "../api/client";

interface Props {
  categories: Category[];
  value: number | null;
  onChange: (id: number | null) => void;
  kind?: "expense" | "income" | "any";
  id?: string;
  label?: string;
  allowNone?: boolean;
  noneLabel?: string;
  includeGroups?: boolean;
  autoFocus?: boolean;
  className?: string;
  onBlur?: () => void;
  onKeyDown?: (e: React.KeyboardEvent<HTMLSelectElement>) => void;
}

export function groupCategories(categories: Category[]): { group: Category; children: Category[] }[] {
  const groups = categories.filter((c) => c.parent_id === null && !c.archived);
  const byParent = new Map<number, Category[]>();
  for (const c of categories) {
    if (c.parent_id !== null && !c.archived) byParent.set(c.parent_id, [...(byParent.get(c.parent_id) ?? []), c]);
  }
  const order = (a: Category, b: Category) => a.sort_order - b.sort_order || a.name.localeCompare(b.name);
  return groups.sort(order).map((group) => ({ group, children: (byParent.get(group.id) ?? []).sort(order) }));
}

export function CategorySelect(props: Props) {
  const { categories, value, onChange, kind = "any", allowNone = true } = props;
  const tree = groupCategories(categories).filter(
    ({ group }) => kind === "any" || group.kind === kind || group.kind === "transfer",
  );
  return (
    <select
      id={props.id}
      aria-label={props.label ?? "Category"}
      className={props.className}
      value={value ?? ""}
      autoFocus={props.autoFocus}
      onBlur={props.onBlur}
      onKeyDown={props.onKeyDown}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
    >
      {allowNone && <option value="">{props.noneLabel ?? "Uncategorized"}</option>}
      {tree.map(({ group, children }) => (
        <optgroup key={group.id} label={group.name}>
          {props.includeGroups && <option value={group.id}>{group.name} (all)</option>}
          {children.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
