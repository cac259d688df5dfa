// The calendar lives in the kernel (functions/kernel/calendar.ts); the engine keeps its import path.
export * from '#kernel/calendar';
