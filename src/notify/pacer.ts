/**
 * Keeps each robot under its platform's limits, so that the platform never has to refuse: 企业微信
 * and 钉钉 take 20 messages a minute per robot (钉钉 then blocks the robot for 10 minutes), 飞书 5
 * a second and 100 a minute, and 飞书 asks to avoid the whole and the half hour. A robot the platform
 * did refuse is left alone until the pause it implies is over. Per process, on the real clock.
 */

export interface Limits {
  /** At most `count` sends in any `ms` (sliding). */
  windows: ReadonlyArray<{ count: number; ms: number }>;
  /** Milliseconds to wait at this instant before sending at all (飞书's whole and half hours). */
  avoid?: (nowMs: number) => number;
}

export interface Pacer {
  /** How long `robot` must wait before its next send; 0 when it may send now. */
  waitMs(robot: string, nowMs: number): number;
  /** A send is being made now. */
  record(robot: string, nowMs: number): void;
  /** The platform refused: no sends until then. */
  blockUntil(robot: string, untilMs: number): void;
}

export function createPacer(limits: Limits): Pacer {
  const sends = new Map<string, number[]>();
  const blocked = new Map<string, number>();
  const longest = Math.max(0, ...limits.windows.map((w) => w.ms));
  const recent = (robot: string, nowMs: number) => {
    const list = (sends.get(robot) ?? []).filter((t) => t > nowMs - longest);
    if (list.length > 0) sends.set(robot, list);
    else sends.delete(robot);
    return list;
  };
  return {
    waitMs(robot, nowMs) {
      let wait = Math.max(0, (blocked.get(robot) ?? 0) - nowMs);
      if (wait === 0) blocked.delete(robot);
      const list = recent(robot, nowMs);
      for (const w of limits.windows) {
        const inWindow = list.filter((t) => t > nowMs - w.ms);
        // The oldest send that must leave the window before one more fits.
        const oldest = inWindow[inWindow.length - w.count];
        if (inWindow.length >= w.count && oldest !== undefined) wait = Math.max(wait, oldest + w.ms - nowMs);
      }
      return Math.max(wait, limits.avoid?.(nowMs) ?? 0);
    },
    record(robot, nowMs) {
      const list = recent(robot, nowMs);
      list.push(nowMs);
      sends.set(robot, list);
    },
    blockUntil(robot, untilMs) {
      blocked.set(robot, Math.max(untilMs, blocked.get(robot) ?? 0));
    },
  };
}

/** Milliseconds until the minute after a whole or half hour is over (0 outside them). */
export function avoidHalfHours(nowMs: number): number {
  const minute = Math.floor(nowMs / 60_000) % 60;
  return minute === 0 || minute === 30 ? 60_000 - (nowMs % 60_000) : 0;
}
