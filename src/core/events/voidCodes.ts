/** Why an inspector withdrew their own finding: a code the screens word, never their text (undone: the undo bar). */
export const VOID_CODES = ['wrong-item', 'wrong-person', 'duplicate', 'undone'] as const;
export type VoidCode = (typeof VOID_CODES)[number];
