/**
 * @jest-environment ./tests/jsdom-env.cjs
 */
// The field binding: the draft owns the value, the box keeps what is being typed; text that is not a value is kept on
// screen and in the registry (and localStorage), never in the draft; a change from elsewhere wins over both.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { observable, runInAction } from 'mobx';
import { BoundInput } from '../../../renderer/app/fields';
import { WAN } from '../../../renderer/app/money';
import { InvalidTexts } from '../../../renderer/stores/invalid-texts';
import type { ProblemTarget } from '../../../shared/validation';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TARGET: ProblemTarget = { record: 'project', recordId: 'p1', of: 'record', field: 'funding.generalPublic' };

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  localStorage.clear();
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function mount(fen: number) {
  const draft = observable({ fen });
  const invalid = new InvalidTexts('test');
  const writes: number[] = [];
  act(() =>
    root.render(
      <BoundInput
        invalid={invalid}
        showError
        spec={{
          target: TARGET,
          label: '当年预算（一般公共预算）',
          codec: WAN,
          read: () => draft.fen,
          write: (v) => {
            writes.push(v);
            runInAction(() => (draft.fen = v));
          },
        }}
      />,
    ),
  );
  const input = container.querySelector('input')!;
  return { draft, invalid, writes, input };
}

/** Types into the box as the browser does: the new text, then an input event React hears as a change. */
function type(input: HTMLInputElement, text: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const focus = (input: HTMLInputElement) => act(() => input.focus());
const blur = (input: HTMLInputElement) => act(() => input.blur());

test('keeps the text being typed ("12.3"), writes its value at once, and shows the value as the codec writes it after', () => {
  const { draft, input } = mount(0);
  expect(input.value).toBe('');
  focus(input);
  type(input, '12.3');
  expect(draft.fen).toBe(12_300_000);
  expect(input.value).toBe('12.3');
  blur(input);
  expect(input.value).toBe('12.30');
});

test('text that is not an amount stays on screen, is never in the draft, and the prefix typed on the way is taken back', () => {
  const { draft, invalid, writes, input } = mount(5_000_000);
  focus(input);
  for (const t of ['3', '30', '300', '300万']) type(input, t);
  expect(writes).toEqual([3_000_000, 30_000_000, 300_000_000, 5_000_000]);
  expect(draft.fen).toBe(5_000_000);
  expect(input.value).toBe('300万');
  expect(input.getAttribute('aria-invalid')).toBe('true');
  expect(container.querySelector('em.field-error')?.textContent).toBe('单位已是万元，请只填数字');
  expect(invalid.of('p1').map((e) => [e.text, e.message, e.base])).toEqual([['300万', '单位已是万元，请只填数字', 5_000_000]]);
  // it stays after the box loses the focus
  blur(input);
  expect(input.value).toBe('300万');
  // and it is copied to localStorage, from where a new registry (after a reload) reads it back as restored
  const again = new InvalidTexts('test');
  expect(again.of('p1').map((e) => [e.text, e.restored])).toEqual([['300万', true]]);
  again.acknowledge('p1');
  expect(again.of('p1').map((e) => e.restored)).toEqual([false]);
});

test('a value from elsewhere (an undo, a proposal) replaces both the text being typed and a text that is not a value', () => {
  const { draft, invalid, input } = mount(0);
  focus(input);
  type(input, '7.5');
  act(() => runInAction(() => (draft.fen = 1_000_000)));
  expect(input.value).toBe('1.00');
  type(input, 'abc');
  expect(invalid.of('p1')).toHaveLength(1);
  act(() => runInAction(() => (draft.fen = 2_500_000)));
  expect(input.value).toBe('2.50');
  expect(invalid.of('p1')).toEqual([]);
  expect(localStorage.length).toBe(0);
});

test('correcting the text takes the value and forgets the text', () => {
  const { draft, invalid, input } = mount(0);
  focus(input);
  type(input, '-50');
  expect(draft.fen).toBe(0);
  type(input, '50');
  expect(draft.fen).toBe(50_000_000);
  expect(invalid.of('p1')).toEqual([]);
  expect(input.getAttribute('aria-invalid')).toBeNull();
});

test('a locked field is read-only and marked so', () => {
  const draft = observable({ fen: 12_345_600 });
  const invalid = new InvalidTexts('test');
  act(() =>
    root.render(
      <BoundInput invalid={invalid} spec={{ target: TARGET, label: '全年执行数', codec: WAN, read: () => draft.fen, write: () => undefined, locked: true }} />,
    ),
  );
  const input = container.querySelector('input')!;
  expect(input.readOnly).toBe(true);
  expect(input.className).toContain('locked');
  expect(input.value).toBe('12.3456');
  expect(input.id).toBe('project-funding-generalPublic');
});
