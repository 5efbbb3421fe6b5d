// A notice's text in the language the app speaks now, not the one of the request that caused it:
// the server's fixed rejection texts are worded here again by their code (the same msgids, so the
// same translations); a text specific to one rejection (a service's own message) is shown as sent.
import { _ } from '../../i18n';
import type { NoticeData } from '../../types';

export function noticeMessage(notice: Pick<NoticeData, 'code' | 'message'>): string {
  switch (notice.code) {
    case 'invalid_args':
      return _("Deze wijziging bevat ongeldige gegevens.");
    case 'unknown_mutation':
      return _("Deze wijziging kent de server niet.");
    case 'server_error':
      return _("De server kon deze wijziging niet verwerken. We kijken ernaar.");
    case 'scope_forbidden':
      return _("Je hebt geen toegang meer tot deze gegevens.");
    default:
      return notice.message;
  }
}
