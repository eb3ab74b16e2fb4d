/**
 * Who may reach what: every route with the least role it needs, in one table, checked by the `auth` handle for
 * every page, page-data request, form action and API call before anything else runs.
 */
import type { Role } from '@puente/data/store';

/** `anyone`: no sign-in ever; `reader`: anyone while viewing is public (`PUENTE_PUBLIC`), else a viewer. */
export type Access = 'anyone' | 'reader' | Role;

/** By route id; `METHOD route` overrides for one method, `route ?/action` for one form action. */
const ACCESS: Readonly<Record<string, Access>> = {
  '/api/health': 'anyone',
  '/login': 'anyone',
  '/logout': 'anyone',
  '/': 'reader',
  '/network': 'reader',
  '/network/scene': 'reader',
  '/network/detail/[id=slug]': 'reader',
  '/training': 'reader',
  '/progress': 'reader',
  '/institutions/[id=slug]': 'reader',
  // Shared charts need what the pages need: with viewing signed-in only, an embed shows to signed-in readers.
  '/report': 'reader',
  '/embed/[chart]': 'reader',
  '/api/charts/[file]': 'reader',
  '/api/oembed': 'reader',
  '/upload': 'analyst',
  '/upload/check': 'analyst',
  '/api/uploads': 'analyst',
  '/versions': 'analyst',
  '/versions/files/[sha256]': 'analyst',
  '/versions ?/restore': 'admin',
  '/api/versions': 'analyst',
  '/api/versions/[n]/restore': 'admin',
  '/audit': 'admin',
  '/api/audit': 'admin',
};

const RANK: Readonly<Record<Role, number>> = { viewer: 1, analyst: 2, admin: 3 };

/** Whether viewing the dashboard needs a signed-in viewer: `PUENTE_PUBLIC=0`. Public by default. */
export function viewingIsPublic(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PUENTE_PUBLIC !== '0';
}

/**
 * What a request needs. A route missing from the table is readable like the dashboard's pages and writable by
 * admins only, so a new route is never open for writing by mistake; a path that matches no route (404) needs
 * what the pages need.
 */
export function accessFor(routeId: string | null, method: string, search: URLSearchParams): Access {
  const route = routeId ?? '/';
  const action = [...search.keys()].find((k) => k.startsWith('/'));
  const byAction = action !== undefined && method === 'POST' ? ACCESS[`${route} ?${action}`] : undefined;
  const listed = byAction ?? ACCESS[`${method} ${route}`] ?? ACCESS[route];
  if (listed !== undefined) return listed;
  return method === 'GET' || method === 'HEAD' ? 'reader' : 'admin';
}

/** Whether a user (or nobody) has the access a request needs. */
export function allowed(access: Access, role: Role | null, isPublic: boolean): boolean {
  if (access === 'anyone') return true;
  if (access === 'reader') return isPublic || role !== null;
  return role !== null && RANK[role] >= RANK[access];
}
