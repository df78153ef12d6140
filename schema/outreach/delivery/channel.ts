/**
 * Delivery channels: how an invitation reaches a person. E-mail is the only one today. An SMS or
 * WeChat channel would be another `Channel` with its own contact kind (phone, wechat), registered in
 * `Delivery.channels`; the sending job, delivery status and interaction log stay as they are.
 */
export const deliveryChannels = ['email', 'manual'] as const;
/** `manual`: staff sent it some other way and marked it sent by hand. */
export type DeliveryChannel = (typeof deliveryChannels)[number];

export const deliveryStatuses = ['queued', 'sending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

interface Attachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface OutgoingMessage {
  /** The address, of the channel's `contactKind`. */
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: Attachment[];
  /** One-click unsubscribe (List-Unsubscribe) where the channel supports it. */
  unsubscribeUrl: string;
}

export interface Channel {
  kind: Exclude<DeliveryChannel, 'manual'>;
  /** The kind of (:Contact) the address is read from. */
  contactKind: 'email' | 'phone' | 'wechat';
  /** Sends one message; throws DeliveryRefused when the far end said no. */
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
  close(): void;
}

/** The far end refused the message; `message` is its reason (e.g. "550 5.1.1 mailbox unavailable"). */
export class DeliveryRefused extends Error {
  override name = 'DeliveryRefused';
}
