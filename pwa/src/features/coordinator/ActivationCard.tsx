// The newcomer's activation code, to scan or to type: the QR code the server drew (an SVG, shown
// as an image: no script, no third-party service), the code in groups, and until when it works.
import { _, formatDateTime } from '../../i18n';
import { T } from '../../i18n/T';
import type { ActivationCode } from './api';

// An SVG made for inlining may leave out its namespace; as an image file it needs it.
export function svgDataUrl(svg: string): string {
  const whole = /<svg[^>]*\sxmlns=/.test(svg) ? svg : svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(whole)}`;
}

export function ActivationCard({ code, name }: { code: ActivationCode; name: string }) {
  const src = svgDataUrl(code.qr_svg);
  return (
    <section class="panel activation" aria-labelledby="activation-title" data-testid="activation">
      <h2 id="activation-title">{/* TRANSLATORS: the one-time code with which a newcomer activates the account */ _("Activatiecode")}</h2>
      <p><T msg={_("Laat {name} deze QR-code scannen met de camera van de eigen telefoon. Of typ samen de code in op de pagina Activeren.")} name={name} /></p>
      <div class="qr">
        <div class="qr-image">
          <img src={src} alt={_("QR-code om het account te activeren")} data-testid="activation-qr" />
        </div>
        <div>
          {/* TRANSLATORS: the label above the activation code to type, e.g. K7QX-M4TZ-9P. */}
          <p class="muted">{_("Code")}</p>
          <p class="code" data-testid="activation-code">{code.code}</p>
          <p class="muted"><T msg={_("Geldig tot {date}, één keer te gebruiken.")} date={formatDateTime(new Date(code.expires_at), new Date(), true)} /></p>
        </div>
      </div>
      <p class="muted">{_("Een nieuwe code maken zet de oude code uit en logt de nieuwkomer overal uit.")}</p>
    </section>
  );
}
