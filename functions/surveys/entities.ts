import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';

/**
 * Page-level feedback ("현재 페이지에서 제공하는 정보에 만족하십니까?", SPEC F3): anonymous, one
 * record per answer, grouped by page and Korea-time month so hq can read a page's trend.
 */
export const PageFeedback = new Entity({
  model: { entity: 'pageFeedback', version: '1', service: SERVICE_NAME },
  attributes: {
    feedbackId: { type: 'string', required: true },
    path: { type: 'string', required: true },
    month: { type: 'string', required: true },
    rating: { type: 'number', required: true },
    at: { type: 'string', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['feedbackId'] }, sk: { field: 'sk', composite: [] } },
    byPage: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['path', 'month'] },
      sk: { field: 'gsi1sk', composite: ['at', 'feedbackId'] },
    },
  },
});

export type PageFeedbackItem = EntityItem<typeof PageFeedback>;
