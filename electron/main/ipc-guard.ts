// Every IPC call is checked before it reaches a handler: the sender must be our own top-level page, and the
// payload must match the channel's schema. Anything else is refused without touching the file system.
import type { ZodType } from 'zod';
import { IPC_PAYLOADS, type IpcChannel } from '../../core/desktop/ipc-payloads';
import { isAppUrl } from './app-protocol';

export interface SenderInfo {
  /** URL of the frame that sent the message. */
  readonly url: string;
  /** Whether that frame is the main frame of its window. */
  readonly isMainFrame: boolean;
}

export class IpcRefused extends Error {}

export function checkIpcCall(channel: IpcChannel, sender: SenderInfo | null, args: unknown[], devServerUrl?: string): unknown[] {
  if (!sender || !sender.isMainFrame) throw new IpcRefused(`${channel}: refused, not from the app's main frame`);
  const trusted = isAppUrl(sender.url) || (devServerUrl !== undefined && sender.url.startsWith(devServerUrl));
  if (!trusted) throw new IpcRefused(`${channel}: refused, sender ${sender.url} is not the app`);
  const schema: ZodType<unknown[]> = IPC_PAYLOADS[channel];
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new IpcRefused(`${channel}: refused, invalid payload (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}
