// Every IPC call is checked before it reaches a handler: the sender must be our own top-level page, and the
// payload must match the channel's schema. Anything else is refused without touching the file system.
import type { ZodType } from 'zod';
import { IPC_PAYLOADS, type IpcArgs, type IpcChannel, type IpcResult } from '../../core/desktop/ipc-payloads';
import { isTrustedPageUrl } from './app-protocol';

export interface SenderInfo {
  /** URL of the frame that sent the message. */
  readonly url: string;
  /** Whether that frame is the main frame of the app's window (not a subframe, not another window). */
  readonly isMainFrame: boolean;
}

export class IpcRefused extends Error {}

export function checkIpcCall<C extends IpcChannel>(channel: C, sender: SenderInfo | null, args: unknown[], devServerUrl?: string): IpcArgs<C> {
  if (!Object.hasOwn(IPC_PAYLOADS, channel)) throw new IpcRefused(`${String(channel)}: refused, unknown channel`);
  if (!sender || !sender.isMainFrame) throw new IpcRefused(`${channel}: refused, not from the app's main frame`);
  if (!isTrustedPageUrl(sender.url, devServerUrl)) throw new IpcRefused(`${channel}: refused, sender ${sender.url} is not the app`);
  if (!Array.isArray(args)) throw new IpcRefused(`${channel}: refused, arguments are not a list`);
  const schema = IPC_PAYLOADS[channel] as unknown as ZodType<IpcArgs<C>>;
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new IpcRefused(`${channel}: refused, invalid payload (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}

/** One handler per channel, typed by the contract: the validated arguments in, the DesktopApi result out. */
export type IpcHandlers = { [C in IpcChannel]: (...args: IpcArgs<C>) => IpcResult<C> };

/** One entry point for every channel: check, then call the channel's handler with the validated arguments. */
export function createIpcDispatcher(handlers: IpcHandlers, devServerUrl?: string) {
  return async (channel: IpcChannel, sender: SenderInfo | null, args: unknown[]): Promise<unknown> => {
    const valid = checkIpcCall(channel, sender, args, devServerUrl);
    return (handlers[channel] as (...a: unknown[]) => unknown)(...(valid as unknown[]));
  };
}
