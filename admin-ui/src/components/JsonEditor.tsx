import { json, jsonParseLinter } from '@codemirror/lang-json';
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import { locatePointer } from '../forms/json-locate';

/** A problem the server found in the document, at a JSON pointer into it. */
export interface PointedProblem {
  path: string;
  message: string;
}

/** Light colours whatever the page's scheme: CodeMirror's default highlighting is made for them. */
const theme = EditorView.theme({
  '&': { backgroundColor: '#ffffff', color: '#1d2320', fontSize: '0.9rem' },
  '.cm-content': { fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace" },
  '.cm-gutters': { backgroundColor: '#f1f3f2', color: '#55605a', borderRight: '1px solid #cfd6d1' },
  '&.cm-focused': { outline: '3px solid #f2b705', outlineOffset: '2px' },
  '.cm-scroller': { overflow: 'auto' },
});

/** Marks each server problem where its pointer lands in the current text. */
function serverDiagnostics(text: string, problems: readonly PointedProblem[]): Diagnostic[] {
  return problems.flatMap((problem) => {
    const range = locatePointer(text, problem.path);
    if (!range) return [];
    return [{ from: range.from, to: range.to, severity: 'error' as const, message: problem.message }];
  });
}

/**
 * A JSON text editor (CodeMirror 6): syntax errors are marked as one types, and problems the server
 * reported (at JSON pointers) are marked where they are. Controlled: `value` is the text, and
 * `onChange` is called with the new text after every edit.
 */
export function JsonEditor({
  value,
  onChange,
  labelledBy,
  describedBy,
  readOnly = false,
  problems = [],
  testId,
}: {
  value: string;
  onChange?: (text: string) => void;
  /** The id of the visible label; the editable area takes its accessible name from it. */
  labelledBy: string;
  describedBy?: string;
  readOnly?: boolean;
  problems?: readonly PointedProblem[];
  testId?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const problemsRef = useRef(problems);
  const editable = useRef(new Compartment());
  const initial = useRef({ value, readOnly, labelledBy, describedBy, testId });

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const start = initial.current;
    const parseLinter = jsonParseLinter();
    const attributes: Record<string, string> = { 'aria-labelledby': start.labelledBy };
    if (start.describedBy) attributes['aria-describedby'] = start.describedBy;
    if (start.testId) attributes['data-testid'] = start.testId;
    const created = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: start.value,
        extensions: [
          basicSetup,
          json(),
          lintGutter(),
          linter(
            (current) => [
              ...parseLinter(current),
              ...serverDiagnostics(current.state.doc.toString(), problemsRef.current),
            ],
            { delay: 300 },
          ),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of(attributes),
          editable.current.of(editability(start.readOnly)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current?.(update.state.doc.toString());
          }),
          theme,
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    const text = current.state.doc.toString();
    if (text !== value) current.dispatch({ changes: { from: 0, to: text.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: editable.current.reconfigure(editability(readOnly)) });
  }, [readOnly]);

  useEffect(() => {
    problemsRef.current = problems;
    if (view.current) forceLinting(view.current);
  }, [problems]);

  return <div ref={host} className="json-editor" data-readonly={readOnly} />;
}

/** Read-only text can still be focused, searched and copied with the keyboard. */
function editability(readOnly: boolean) {
  return [
    EditorState.readOnly.of(readOnly),
    EditorView.contentAttributes.of({ 'aria-readonly': String(readOnly) }),
  ];
}
