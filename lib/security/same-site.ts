// Where a request comes from, as the browser says it in Sec-Fetch-Site, which no page can forge: our own pages
// (`same-origin`, or `none` for an address typed or bookmarked), another site, or nothing said (an older browser, a
// script). The proxy and the route handlers' same-origin check both let this decide when it is said.
export function saysOurPages(req: Request): boolean | undefined {
  const site = req.headers.get('sec-fetch-site');
  if (!site) return undefined;
  return site === 'same-origin' || site === 'none';
}
