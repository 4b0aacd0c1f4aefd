/**
 * Voice notes, photos and files on Telegram: sending one (again by its file id when it came
 * through this bot, else uploaded from its fetched content), and fetching a received one's content through the Bot API so it can go to
 * another channel. Only translation: what is sent and when is the outbox's business.
 */
import { InputFile, type Api } from 'grammy';
import type { MediaFile, OutboundMedia } from '../../conversations/messages.js';
import { MediaFetchError } from '../../errors/media-fetch-error.js';
import { telegramChannel } from './to-inbound.js';

/** Telegram's limit on a caption, in UTF-16 code units. */
export const maxCaptionLength = 1024;

/** The Bot API method that sends media of `kind`; anything else goes as a document. */
const methods = {
  voice: 'sendVoice',
  audio: 'sendAudio',
  photo: 'sendPhoto',
  video: 'sendVideo',
  document: 'sendDocument',
} as const;

/** Sends `media` with `caption` to a chat; resolves with the sent message's id. */
export async function sendMedia(
  api: Api,
  chatId: string,
  media: OutboundMedia,
  caption: string,
): Promise<number> {
  const input = inputOf(media);
  const options = caption ? { caption } : {};
  const method = methods[media.kind as keyof typeof methods] ?? 'sendDocument';
  switch (method) {
    case 'sendVoice':
      return (await api.sendVoice(chatId, input, options)).message_id;
    case 'sendAudio':
      return (await api.sendAudio(chatId, input, options)).message_id;
    case 'sendPhoto':
      return (await api.sendPhoto(chatId, input, options)).message_id;
    case 'sendVideo':
      return (await api.sendVideo(chatId, input, options)).message_id;
    case 'sendDocument':
      return (await api.sendDocument(chatId, input, options)).message_id;
  }
}

function inputOf(media: OutboundMedia): string | InputFile {
  if (media.from === telegramChannel) return media.ref;
  if (!media.file) {
    throw new MediaFetchError('media from another channel arrived without its content', {
      context: { channel: media.from, kind: media.kind },
    });
  }
  return new InputFile(media.file.data, media.file.fileName);
}

/** Content types by file extension, for files Telegram serves as octet streams. */
const mimeTypes: Record<string, string> = {
  oga: 'audio/ogg; codecs=opus',
  ogg: 'audio/ogg; codecs=opus',
  opus: 'audio/ogg; codecs=opus',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  mp4: 'video/mp4',
  pdf: 'application/pdf',
};

/** The content of a file Telegram holds for this bot (`getFile`, then its download URL). */
export async function fetchTelegramFile(
  api: Api,
  token: string,
  apiRoot: string | undefined,
  fileId: string,
): Promise<MediaFile> {
  const fail = (why: string) =>
    new MediaFetchError(`telegram: ${why}`, {
      context: { channel: telegramChannel, kind: 'file' },
    });
  const file = await api.getFile(fileId);
  if (!file.file_path) throw fail('the file is not available for download');
  const url = `${apiRoot ?? 'https://api.telegram.org'}/file/bot${token}/${file.file_path}`;
  const response = await fetch(url);
  if (!response.ok) throw fail(`download answered ${response.status}`);
  const data = Buffer.from(await response.arrayBuffer());
  const fileName = file.file_path.split('/').at(-1) ?? 'file';
  const extension = fileName.split('.').at(-1)?.toLowerCase() ?? '';
  const mimeType = mimeTypes[extension] ?? 'application/octet-stream';
  return { data, mimeType, fileName };
}
