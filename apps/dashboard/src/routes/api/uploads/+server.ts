import { handleUpload } from '$lib/server/uploads/run';
import type { RequestHandler } from './$types';

/** `POST /api/uploads` (analysts, admins): see DESIGN.md's Interfaces for every answer. */
export const POST: RequestHandler = (event) => handleUpload(event);
