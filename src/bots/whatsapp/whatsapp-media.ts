/**
 * Voice notes, photos and files on WhatsApp: a received one's content, looked up again by its
 * message id when it is passed on (WhatsApp Web keeps it in the chat), and media from any
 * channel as the `MessageMedia` wwebjs sends. Only translation: nothing here is kept.
 */
import type { MediaFile, OutboundMedia } from '../../conversations/messages.js';
import { MediaFetchError } from '../../errors/media-fetch-error.js';
import { whatsappChannel } from './to-inbound.js';
import { whatsAppMedia, type WhatsAppClient, type WhatsAppMedia } from './whatsapp-client.js';

/** The content of media a resident sent on WhatsApp, by its message id. */
export async function fetchWhatsAppMedia(
  client: WhatsAppClient,
  messageId: string,
  kind = 'file',
): Promise<MediaFile> {
  const media = await (await client.getMessageById(messageId))?.downloadMedia();
  if (!media) {
    throw new MediaFetchError('whatsapp: the media is no longer available', {
      context: { channel: whatsappChannel, kind },
    });
  }
  return {
    data: Buffer.from(media.data, 'base64'),
    mimeType: media.mimetype,
    ...(media.filename ? { fileName: media.filename } : {}),
  };
}

/** `media` as wwebjs sends it: fetched from this account when it came on WhatsApp. */
export async function mediaToSend(
  client: WhatsAppClient,
  media: OutboundMedia,
): Promise<WhatsAppMedia> {
  const file =
    media.from === whatsappChannel
      ? await fetchWhatsAppMedia(client, media.ref, media.kind)
      : media.file;
  if (!file) {
    throw new MediaFetchError('media from another channel arrived without its content', {
      context: { channel: media.from, kind: media.kind },
    });
  }
  return whatsAppMedia({
    mimetype: file.mimeType,
    data: file.data.toString('base64'),
    filename: file.fileName ?? null,
  });
}
