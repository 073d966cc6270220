// A warning light as every screen shows it: a coloured dot and its name in words ("红灯"), never colour alone; the
// one-line explanation goes beside it or in its title.
import { LIGHT_LABELS, type Light } from '../../../shared/monitoring';
import { MM } from '../../messages';

/** `light` null: a round with nothing to judge yet; `unfilled`: no round at all. */
export function LightBadge({ light, unfilled = false, title, id }: { light: Light | null; unfilled?: boolean; title?: string; id?: string }) {
  const kind = unfilled ? 'unfilled' : (light ?? 'none');
  const text = unfilled ? MM.unfilled : light ? LIGHT_LABELS[light] : MM.unjudged;
  return (
    <span id={id} className={`light light-${kind}`} data-light={kind} title={title}>
      {text}
    </span>
  );
}
