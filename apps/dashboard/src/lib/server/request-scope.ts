/**
 * The signal of the request being served, kept for the code it calls (views, queries, worker tasks) without
 * passing it through every function. It aborts when the client goes away before its answer is sent, so work
 * nobody waits for any more can stop (see `ViewCache`).
 */
import type { Handle } from '@sveltejs/kit';
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<AbortSignal>();

/** The signal in force here: the request's, or the shared build's that this code runs for; none outside both. */
export const currentSignal = (): AbortSignal | undefined => scope.getStore();

/** Runs `fn` (and all it awaits) under `signal`. */
export const underSignal = <T>(signal: AbortSignal, fn: () => T): T => scope.run(signal, fn);

/** Serves each request under its own signal. */
export const requestScope: Handle = ({ event, resolve }) =>
  underSignal(event.request.signal, () => resolve(event));

/** Whether a failure is only the client having gone away: nothing to log, nobody to answer. */
export const abandoned = (request: Request): boolean => request.signal.aborted;
