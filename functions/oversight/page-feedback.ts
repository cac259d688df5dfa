/**
 * What hq's page-satisfaction report reads of the surveys capability: the ratings of one page in one
 * month. The surveys router stays a put-only public function; the edge plugs its repository in here
 * (functions/oversight/handler.ts and functions/capabilities.ts).
 */
export type PageRatings = (path: string, month: string) => Promise<number[]>;

let source: PageRatings | undefined;

export function plugPageRatings(read: PageRatings): void {
  source = read;
}

export function pageRatings(): PageRatings {
  if (!source) throw new Error('oversight: no page ratings are plugged in (functions/oversight/page-feedback.ts)');
  return source;
}
