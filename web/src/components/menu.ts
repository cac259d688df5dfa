// The menu model every navigation component renders: one tree per system (portal, agency system,
// internal system), filtered by role once sign-in exists.

export interface MenuItem {
  /** stable id, used to mark the current section */
  id: string;
  label: string;
  href: string;
  children?: MenuItem[];
  /** opens another site: rendered with target=_blank and a "새 창 열림" hint */
  external?: boolean;
  /** shown only to viewers holding one of these roles (absent: shown to everyone who sees the menu) */
  roles?: readonly string[];
}

/**
 * The menu as a viewer holding `roles` sees it: items for other roles are left out, and a section
 * whose pages are all left out goes with them. Hiding is for clarity only; the server decides access.
 */
export function visibleTo(items: readonly MenuItem[], roles: readonly string[]): MenuItem[] {
  return items.flatMap((item) => {
    if (item.roles && !item.roles.some((role) => roles.includes(role))) return [];
    if (!item.children) return [item];
    const children = visibleTo(item.children, roles);
    return children.length ? [{ ...item, children }] : [];
  });
}

/** The top-level item whose subtree contains `path` (or the item itself), for the active state of menus. */
export function findSection(items: readonly MenuItem[], path: string): MenuItem | undefined {
  return items.find((item) => contains(item, path));
}

export function contains(item: MenuItem, path: string): boolean {
  return samePath(item.href, path) || (item.children ?? []).some((child) => contains(child, path));
}

/**
 * The item with exactly this path anywhere in the tree; the deepest one when a section links to its
 * first page (section 사업비 and its page 사업비 신청 share /agency/claims: the page is meant).
 */
export function findItem(items: readonly MenuItem[], path: string): MenuItem | undefined {
  for (const item of items) {
    const inChildren = findItem(item.children ?? [], path);
    if (inChildren) return inChildren;
    if (samePath(item.href, path)) return item;
  }
  return undefined;
}

/** The chain of items from the top level down to the item with this path (the deepest such item). */
export function trail(items: readonly MenuItem[], path: string): MenuItem[] {
  for (const item of items) {
    const below = trail(item.children ?? [], path);
    if (below.length) return [item, ...below];
    if (samePath(item.href, path)) return [item];
  }
  return [];
}

export function samePath(a: string, b: string): boolean {
  return normalisePath(a) === normalisePath(b);
}

export function normalisePath(path: string): string {
  const withoutQuery = path.split(/[?#]/)[0] ?? '/';
  return withoutQuery.length > 1 ? withoutQuery.replace(/\/+$/, '') : withoutQuery;
}
