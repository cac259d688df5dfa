// The remaining-hours meter (issue 15 §5), pure: a worker's decided monthly hours (월 결정 시간, the
// branch's evaluation) against the support minutes used so far in the month. The clerk's pre-check,
// the assistant's log form and the worker's My page all show it, so nobody learns at month end that
// the hours ran out.

export interface HoursMeter {
  workerId: string;
  workerName: string;
  /** 월 결정 시간, when an evaluation covers the month */
  decidedMinutes?: number;
  usedMinutes: number;
  remainingMinutes?: number;
  over: boolean;
}

/** The meter of one worker: the decided hours against the support minutes used so far. */
export function hoursMeter(
  workerId: string,
  workerName: string,
  decidedHours: number | undefined,
  usedMinutes: number,
): HoursMeter {
  if (decidedHours === undefined) return { workerId, workerName, usedMinutes, over: false };
  const decidedMinutes = Math.round(decidedHours * 60);
  return {
    workerId,
    workerName,
    decidedMinutes,
    usedMinutes,
    remainingMinutes: decidedMinutes - usedMinutes,
    over: usedMinutes > decidedMinutes,
  };
}

/** "12시간 30분" */
export function hoursText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (!h) return `${sign}${rest}분`.replace(/^0분$/, '0시간');
  return `${sign}${h}시간${rest ? ` ${rest}분` : ''}`;
}
