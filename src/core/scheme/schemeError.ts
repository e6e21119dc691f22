/** One precise problem in a scheme file: where it is, what is wrong, what was expected. */
export interface SchemeError {
  file: string;
  /** 1-based line in the file, when known. */
  line?: number | undefined;
  /** The id of the item (or category, table, trigger) the problem is in. */
  itemId?: string | undefined;
  /** Dotted path of the field: items.3.rule.tiers.1.when */
  path: string;
  message: string;
  expected: string;
  /** The path as parts, used to look up the line. */
  pathParts?: (string | number)[];
}

/** One line per error, for a terminal or a log. */
export function formatSchemeError(e: SchemeError): string {
  const where = [e.file + (e.line ? `:${e.line}` : ''), e.itemId ? `item ${e.itemId}` : '', e.path ? `field ${e.path}` : '']
    .filter(Boolean)
    .join(', ');
  return `${where}: ${e.message} (expected ${e.expected})`;
}
