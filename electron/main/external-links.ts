// The only external pages the app may open in the system browser: documentation the UI links to.
const ALLOWED_HOSTS = new Set([
  'kubernetes.io', 'docs.openstack.org', 'cloud.google.com', 'istio.io', 'www.spec.org', 'github.com',
]);

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && ALLOWED_HOSTS.has(u.hostname) && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
