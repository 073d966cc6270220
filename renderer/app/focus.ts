// Moving the focus to a field that may only appear after the next render (a new row, a jump from the check panel).
export function focusElement(id: string, attempts = 10): void {
  const el = document.getElementById(id);
  if (el instanceof HTMLElement) {
    el.focus();
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 900);
    return;
  }
  if (attempts > 0) requestAnimationFrame(() => focusElement(id, attempts - 1));
}
