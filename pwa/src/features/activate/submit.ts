// What the screens of this folder share: turning a failed request into words on the screen.
import { ApiError, NetworkError } from '../../errors';
import { _ } from '../../i18n';

export interface Problems {
  message: string;
  fields: Record<string, string[]>;
}

export function problemsOf(error: unknown): Problems {
  if (error instanceof NetworkError) {
    return { message: _("Geen verbinding. Dit kan alleen met internet."), fields: {} };
  }
  if (error instanceof ApiError) {
    const fields = error.errors ?? {};
    // A field's own message sits under that field; say it once, not also above the button.
    const shown = Object.values(fields).flat();
    return { message: shown.includes(error.message) ? '' : error.message, fields };
  }
  throw error;
}
