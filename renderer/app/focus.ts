// Moving the focus to a field that may only appear after the next render (a new row, a jump from the check panel).
export function focusElement(id: string, attempts = 10): void {
  const el = document.getElementById(id);
  if (el instanceof HTMLElement) {
    el.focus();
    // a row far from the screen shows the outline of a box under the field's id; focused, the row comes alive and
    // the real field, under the same id, takes the focus once React has rendered it: shown from the next frame on
    requestAnimationFrame(() => {
      const shown = document.getElementById(id) ?? el;
      shown.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      shown.classList.add('flash');
      setTimeout(() => shown.classList.remove('flash'), 900);
    });
    return;
  }
  if (attempts > 0) requestAnimationFrame(() => focusElement(id, attempts - 1));
}
