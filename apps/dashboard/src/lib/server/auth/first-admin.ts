import { addUser, countUsers, generatePassword, recordAudit, type Store } from '@puente/data/store';

/**
 * A database with no users gets `admin` with a random password, printed once in the log: the only way in at
 * first start. Nothing is printed once any user exists. The audit log records the creation (never the password).
 */
export async function ensureFirstAdmin(
  store: Store,
  log: (line: string) => void = console.log,
): Promise<void> {
  if ((await countUsers(store)) > 0) return;
  const password = generatePassword();
  await addUser(store, { name: 'admin', role: 'admin', password });
  await recordAudit(store, {
    actor: 'puente',
    action: 'user-saved',
    outcome: 'ok',
    via: 'server',
    address: null,
    details: { user: 'admin', role: 'admin' },
  });
  log(
    `No users yet: created "admin" with the password ${password}\n` +
      `  Sign in at /login and keep it safe; it is not shown again ("npx puente users add admin --role admin" resets it).`,
  );
}
