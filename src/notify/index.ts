import type { RobotTransport } from '../bot/targets.js';
import type { Notifier } from '../bot/types.js';
import { dingtalk } from './dingtalk.js';
import { feishu } from './feishu.js';
import { createRobotNotifier, type RobotOptions } from './robot-notifier.js';
import { wecom } from './wecom.js';

export type RobotApiRoots = Readonly<Record<RobotTransport, string>>;

/**
 * The three group robots as notifiers. They need no login, so every process that sends (the
 * service, `remind`) has them; a robot is used only when a roster contact binds one.
 */
export function createRobotNotifiers(apiRoots: RobotApiRoots, opts: Omit<RobotOptions, 'apiRoot'> = {}): Record<RobotTransport, Notifier> {
  return {
    wecom: createRobotNotifier(wecom, { ...opts, apiRoot: apiRoots.wecom }),
    dingtalk: createRobotNotifier(dingtalk, { ...opts, apiRoot: apiRoots.dingtalk }),
    feishu: createRobotNotifier(feishu, { ...opts, apiRoot: apiRoots.feishu }),
  };
}
