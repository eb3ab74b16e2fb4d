import { describe, expect, it } from 'vitest';
import { accessFor, allowed } from './access';

const none = new URLSearchParams();

describe('accessFor and allowed', () => {
  it('gives each route its least role, form actions their own', () => {
    expect(accessFor('/api/health', 'GET', none)).toBe('anyone');
    expect(accessFor('/network', 'GET', none)).toBe('reader');
    expect(accessFor('/upload', 'POST', none)).toBe('analyst');
    expect(accessFor('/versions', 'GET', none)).toBe('analyst');
    expect(accessFor('/versions', 'POST', new URLSearchParams('/restore'))).toBe('admin');
    expect(accessFor('/api/versions/[n]/restore', 'POST', none)).toBe('admin');
    expect(accessFor('/audit', 'GET', none)).toBe('admin');
    expect(accessFor('/api/audit', 'GET', none)).toBe('admin');
  });

  it('lets a route missing from the table be read like a page but written by admins only', () => {
    expect(accessFor('/somewhere/new', 'GET', none)).toBe('reader');
    expect(accessFor('/somewhere/new', 'POST', none)).toBe('admin');
    expect(accessFor(null, 'GET', none)).toBe('reader');
  });

  it('ranks roles, and public viewing opens pages only', () => {
    expect(allowed('reader', null, true)).toBe(true);
    expect(allowed('reader', null, false)).toBe(false);
    expect(allowed('reader', 'viewer', false)).toBe(true);
    expect(allowed('analyst', 'viewer', true)).toBe(false);
    expect(allowed('analyst', 'analyst', true)).toBe(true);
    expect(allowed('analyst', 'admin', true)).toBe(true);
    expect(allowed('admin', 'analyst', true)).toBe(false);
    expect(allowed('analyst', null, true)).toBe(false);
  });
});
