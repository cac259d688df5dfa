import { Logger } from '@aws-lambda-powertools/logger';

// One logger for every function. Never log personal data (names, phones, resident numbers):
// log identifiers and outcomes only.
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'kead-platform' });
