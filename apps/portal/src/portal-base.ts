/** Where the portal lives: the API serves its build here, and its links open here. */
export const PORTAL_BASE = '/p/';
