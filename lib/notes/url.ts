/**
 * Article identity: which address a note belongs to, whatever URL the reader came through
 * (tracking parameters, fragments, trailing slash, www., AMP and mobile variants,
 * <link rel=canonical>). Pure string work: no DOM, no network, no storage.
 *
 * Two things come out of a page address:
 * - `articleSource`: a real, openable URL for the note's target.source (canonical when the
 *   page declares a trustworthy one, tracking parameters and fragment removed);
 * - `articleKey`: the identity string notes are indexed by. Variants of one article share it.
 * `articleKeys` lists every key a page may have stored notes under (canonical and address),
 * so a page that gained or lost its canonical link still finds its notes.
 */

import { getDomain } from 'tldts';

/** Query parameters that never change what article a URL shows. */
const TRACKING_EXACT = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'igsh',
  'li_fat_id',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'ref',
  'ref_src',
  'ref_url',
  'referer',
  'referrer',
  'cmpid',
  'ocid',
  'smid',
  'smtyp',
  'sr_share',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'ito',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'cmp',
  'amp',
  'outputtype',
  'output',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'spm',
  'xtor',
  'wt_mc',
  'wt.mc_id',
  'fb_action_ids',
  'fb_action_types',
  'fb_source',
  'fb_ref',
  'action_object_map',
  'action_type_map',
  'action_ref_map',
]);

/** Prefixes of tracking parameter families (utm_source, mc_cid, pk_campaign…). */
const TRACKING_PREFIXES = ['utm_', 'mc_', 'pk_', 'hsa_', 'itm_', 'vero_', 'trk_', '__twitter'];

/** `output=amp` / `outputType=amp` are AMP switches; other values of these names are kept. */
const AMP_VALUED = new Set(['output', 'outputtype']);

export function isTrackingParam(name: string, value = ''): boolean {
  const lower = name.toLowerCase();
  if (AMP_VALUED.has(lower)) return value.toLowerCase() === 'amp';
  if (TRACKING_EXACT.has(lower)) return true;
  return TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

function parseHttp(raw: string | null | undefined, base?: string): URL | null {
  if (!raw) return null;
  try {
    const u = base ? new URL(raw.trim(), base) : new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** Google AMP cache addresses (www-example-com.cdn.ampproject.org/c/s/www.example.com/…). */
function unwrapAmpCache(u: URL): URL {
  if (!u.hostname.endsWith('.cdn.ampproject.org') && u.hostname !== 'cdn.ampproject.org') return u;
  const m = u.pathname.match(/^\/(?:[a-z]+\/)?(?:[a-z]\/)*?(s\/)?([^/]+\.[^/]+\/.*)$/i);
  const inner = m?.[2] && parseHttp(`${m[1] ? 'https' : 'http'}://${m[2]}${u.search}`);
  return inner || u;
}

/** Strips tracking parameters and the fragment, keeps the scheme and host: an openable URL. */
export function cleanUrl(raw: string): string | null {
  const parsed = parseHttp(raw);
  if (!parsed) return null;
  const u = unwrapAmpCache(parsed);
  u.hash = '';
  for (const [name, value] of [...u.searchParams]) {
    if (isTrackingParam(name, value)) u.searchParams.delete(name);
  }
  if (u.search === '?') u.search = '';
  return u.toString();
}

const HOST_VARIANT = /^(?:www\d*|m|mobile|amp|touch)\./;

/**
 * Whether `host` is still a site of its own after dropping a www./m. label: not a bare
 * public suffix ("co.uk", "com.au" — second-level labels under a country code) nor one label.
 */
function isRegistrable(host: string): boolean {
  const labels = host.split('.');
  if (labels.length < 2) return false;
  if (labels.length === 2 && /^[a-z]{2}$/.test(labels[1] ?? '')) {
    return !/^(?:co|com|org|net|gov|edu|ac|ne|or|go|gv|nic|mil|ltd|plc|nom)$/.test(labels[0] ?? '');
  }
  return !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

function stripAmpPath(path: string): string {
  return (
    path
      // /news/story/amp, /news/story/amp/
      .replace(/\/amp\/?$/i, '')
      // /amp/news/story
      .replace(/^\/amp(?=\/)/i, '')
      // /news/story.amp.html → /news/story.html, /news/story.amp → /news/story
      .replace(/\.amp(?=\.html?$|$)/i, '')
  );
}

/**
 * The identity of the article at `raw`: lower-case host without www./m./mobile./amp.,
 * no scheme difference (http and https are one article), AMP paths folded, index pages and
 * trailing slashes dropped, tracking parameters and fragment gone, the remaining query
 * parameters sorted. Returns null for anything that is not an http(s) URL.
 */
export function normalizeUrl(raw: string): string | null {
  const cleaned = cleanUrl(raw);
  if (!cleaned) return null;
  const u = new URL(cleaned);
  let host = u.hostname.toLowerCase();
  while (HOST_VARIANT.test(host)) {
    const rest = host.replace(HOST_VARIANT, '');
    if (!isRegistrable(rest)) break;
    host = rest;
  }
  const port = u.port ? `:${u.port}` : '';
  let path = stripAmpPath(u.pathname);
  path = path.replace(/\/index\.(?:html?|php|aspx?)$/i, '/');
  path = path.replace(/\/+$/, '');
  const params = [...u.searchParams].sort(([a, av], [b, bv]) =>
    a === b ? av.localeCompare(bv) : a < b ? -1 : 1,
  );
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${port}${path || ''}${query}`;
}

/**
 * Publishers whose AMP or mobile pages live on a registrable domain of their own, paired with
 * the domain of their articles. Any other canonical on another site is ignored.
 */
// (Google's AMP cache needs no pair: cleanUrl unwraps it to the publisher's own address.)
const SITE_PAIRS: readonly (readonly [string, string])[] = [['bbc.co.uk', 'bbc.com']];

function registrable(host: string): string {
  // IP addresses and single-label hosts (localhost) have no registrable domain: the host is it.
  return getDomain(host, { allowPrivateDomains: true }) ?? host.toLowerCase();
}

/** Whether two hosts are one site: the same registrable domain, or a known publisher pair. */
export function sameSite(a: string, b: string): boolean {
  const da = registrable(a);
  const db = registrable(b);
  if (da === db) return true;
  return SITE_PAIRS.some(([x, y]) => (da === x && db === y) || (da === y && db === x));
}

/**
 * Whether a page's <link rel=canonical> can be trusted as its article address. Some sites
 * point every page's canonical at their home page or at a section front; then it would merge
 * many articles into one, so it is ignored when it is a bare root while the page is not.
 */
export function trustedCanonical(url: string, canonical: string | null | undefined): string | null {
  const page = parseHttp(cleanUrl(url));
  const canon = parseHttp(canonical, page?.toString());
  if (!page || !canon) return null;
  // Another site's page naming this article as its canonical must not get the article's notes.
  if (!sameSite(page.hostname, canon.hostname)) return null;
  const isRoot = (u: URL) => u.pathname.replace(/\/+$/, '') === '' && u.search === '';
  if (isRoot(canon) && !isRoot(page)) return null;
  return canon.toString();
}

/** The URL a note's target.source holds: canonical if trusted, else the cleaned address. */
export function articleSource(url: string, canonical?: string | null): string | null {
  return cleanUrl(trustedCanonical(url, canonical) ?? url);
}

/** The key new notes on this page are stored under (canonical preferred). */
export function articleKey(url: string, canonical?: string | null): string | null {
  const source = articleSource(url, canonical);
  return source ? normalizeUrl(source) : null;
}

/** Every key notes for this page may be stored under, preferred first, no duplicates. */
export function articleKeys(url: string, canonical?: string | null): string[] {
  const keys = [articleKey(url, canonical), normalizeUrl(url)].filter(
    (k): k is string => k !== null,
  );
  return [...new Set(keys)];
}
