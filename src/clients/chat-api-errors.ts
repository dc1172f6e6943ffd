/** Why a chat API request got no usable answer. */
export type ChatApiFailureKind = 'unreachable' | 'timeout' | 'too-large' | 'redirect' | 'cancelled';

export class ChatApiFailure extends Error {
  constructor(
    readonly kind: ChatApiFailureKind,
    readonly operation: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChatApiFailure';
  }
}

export interface StatusAdvice {
  readonly message: string;
  readonly remediation: string;
}

/** What an unexpected HTTP status of the chat API means, naming the input to check. */
export function describeChatApiStatus(operation: 'upload' | 'download', status: number, where: string): StatusAdvice {
  const pathInput = operation === 'upload' ? 'chat-api-upload-path' : 'chat-api-download-path';
  if (status === 401) {
    return {
      message: `Chat API ${operation} ${where} answered HTTP 401: the bearer token was missing or rejected.`,
      remediation: 'Check chat-api-token (a valid bearer token of the chat API).',
    };
  }
  if (status === 403) {
    return {
      message: `Chat API ${operation} ${where} answered HTTP 403: the token may not ${operation} attachments.`,
      remediation: `Give the token of chat-api-token the right to ${operation} chat attachments.`,
    };
  }
  if (status === 404 || status === 405) {
    return {
      message: `Chat API ${operation} ${where} answered HTTP ${status}: no such endpoint${operation === 'download' ? ' or attachment' : ''}.`,
      remediation: `Check chat-api-url and ${pathInput}.`,
    };
  }
  if (status === 400 || status === 415 || status === 422) {
    return {
      message: `Chat API ${operation} ${where} answered HTTP ${status}: the request was not accepted.`,
      remediation:
        operation === 'upload'
          ? 'Check chat-api-upload-field (the form field that carries the file) and chat-api-upload-path.'
          : 'Check chat-api-download-path and chat-api-id-field.',
    };
  }
  if (status === 413) {
    return {
      message: `Chat API ${operation} ${where} answered HTTP 413: the test file (under 100 KiB) was too large.`,
      remediation: 'Check the service upload size limit.',
    };
  }
  if (status >= 500) {
    return {
      message: `Chat API ${operation} ${where} answered HTTP ${status}: the service failed.`,
      remediation: 'Check the service logs (with CHAT_ATTACHMENT_STORAGE_BACKEND=s3, a storage error shows there).',
    };
  }
  return { message: `Chat API ${operation} ${where} answered HTTP ${status}, expected 2xx.`, remediation: `Check chat-api-url and ${pathInput}.` };
}
