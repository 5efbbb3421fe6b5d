// The end of a match from a party's phone (a reason from the catalogue) and, once ended, the short
// evaluation: a rating, a few words, and "never match me with this person again". Both are queued
// mutations (match.end, match.evaluate), so they work offline like the answer to a proposal.
import { useState } from 'preact/hooks';
import { _, format } from '../../i18n';
import { T } from '../../i18n/T';
import { Button } from '../../ui/Button';
import { useDb } from '../../ui/db-context';
import { useOnline } from '../../ui/useWatch';
import { useQueuedChange } from '../auth/useQueuedChange';
import { useCatalogues } from '../catalogues/useCatalogues';
import { endMatch, evaluateMatch } from './mutations';
import type { Offer } from './overlay';

export function EndMatch({ offer }: { offer: Offer }) {
  const db = useDb();
  const online = useOnline();
  const catalogues = useCatalogues();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const { refused, run } = useQueuedChange();
  if (offer.endPending) {
    return (
      <p role="status" class="form-status" data-testid="end-status">
        {online ? _("Je hebt de koppeling beëindigd. Dit wordt verstuurd…") : _("Je hebt de koppeling beëindigd. Dit wordt verstuurd zodra je online bent.")}
      </p>
    );
  }
  if (!open) {
    return (
      <p>
        <Button variant="quiet" icon="close" onClick={() => setOpen(true)} data-testid="end-open">{_("Koppeling beëindigen")}</Button>
      </p>
    );
  }
  return (
    <form class="end-form" data-testid="end-form" onSubmit={(e) => { e.preventDefault(); if (reason) void run(() => endMatch(db, offer.match_id, reason, note)); }}>
      <h2>{_("Koppeling beëindigen")}</h2>
      <p><T msg={_("Daarna kunnen jij en {name} elkaars gegevens niet meer zien.")} name={offer.other_first_name} /></p>
      <div class="field">
        <label for="end-reason">{_("Waarom stoppen jullie?")}</label>
        <select id="end-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
          {/* TRANSLATORS: the empty choice of a required list. */}
          <option value="">{_("Kies…")}</option>
          {Object.entries(catalogues.end_reasons).map(([code, text]) => <option key={code} value={code}>{text}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="end-note">{_("Toelichting (mag je leeg laten)")}</label>
        <textarea id="end-note" dir="auto" rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <div class="answer-buttons">
        <Button type="submit" icon="close" disabled={!reason} data-testid="end-confirm">{_("Beëindigen")}</Button>
        {/* TRANSLATORS: a button: close the end form without ending the match. */}
        <Button variant="quiet" onClick={() => setOpen(false)}>{_("Terug")}</Button>
      </div>
      {refused && <p class="form-error" role="alert">{refused}</p>}
    </form>
  );
}

const RATINGS = [1, 2, 3, 4, 5];

export function Evaluate({ offer }: { offer: Offer }) {
  const db = useDb();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [avoid, setAvoid] = useState(false);
  const { refused, run } = useQueuedChange();
  if (offer.evaluated) {
    return (
      <p role="status" class="form-status" data-testid="evaluated" data-pending={String(offer.evaluationPending)}>
        {_("Bedankt voor je terugblik.")}
      </p>
    );
  }
  return (
    <form class="evaluate-form" data-testid="evaluate-form"
      onSubmit={(e) => { e.preventDefault(); void run(() => evaluateMatch(db, offer.match_id, rating, comment, avoid)); }}>
      <h2>{_("Hoe was het?")}</h2>
      <fieldset class="rating">
        <legend>{_("Jouw cijfer (1 is slecht, 5 is heel goed)")}</legend>
        <div class="rating-options">
          {RATINGS.map((n) => (
            <label key={n}>
              <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} />
              <span>{format('{n}', { n })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label for="evaluate-comment">{_("Wat wil je nog kwijt? (mag je leeg laten)")}</label>
        <textarea id="evaluate-comment" dir="auto" rows={3} maxLength={1000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </div>
      <label class="avoid">
        <input type="checkbox" checked={avoid} onChange={(e) => setAvoid(e.currentTarget.checked)} data-testid="avoid" />
        <span><T msg={_("Koppel mij niet meer met {name}.")} name={offer.other_first_name} /></span>
      </label>
      <div class="answer-buttons">
        <Button type="submit" icon="check" data-testid="evaluate-send">{/* TRANSLATORS: a button: send the evaluation */ _("Versturen")}</Button>
      </div>
      {refused && <p class="form-error" role="alert">{refused}</p>}
    </form>
  );
}
