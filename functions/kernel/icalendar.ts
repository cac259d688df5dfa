// iCalendar (RFC 5545) in Korea time: the one place a calendar file names the Seoul zone, so that
// every file with local times carries the zone block and a calendar abroad shows the right hour.

/** Korea keeps one offset all year (no daylight saving since 1988). */
export const KOREA_VTIMEZONE: readonly string[] = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Seoul',
  'X-LIC-LOCATION:Asia/Seoul',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:KST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** `DTSTART;TZID=Asia/Seoul:20270111T090000` for a Korea day (YYYY-MM-DD) and time (HH:MM). */
export function koreaDateTimeProperty(name: 'DTSTART' | 'DTEND', day: string, time: string): string {
  return `${name};TZID=Asia/Seoul:${day.replace(/-/g, '')}T${time.replace(':', '')}00`;
}
