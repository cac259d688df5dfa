import { bindEntity } from '#commons/entities';
import { PageFeedback } from './entities.ts';

/** The ratings given to one page in one month (Korea time), for hq's report (read by oversight's port). */
export async function ratingsOfPage(path: string, month: string): Promise<number[]> {
  const { data } = await bindEntity(PageFeedback).query.byPage({ path, month }).go({ pages: 'all' });
  return data.map((item) => item.rating);
}
