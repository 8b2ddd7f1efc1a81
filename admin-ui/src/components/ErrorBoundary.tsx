import { Component, type ReactNode } from 'react';

/**
 * Keeps a rendering failure inside one part of the page (a preview of a half-written schema) and
 * tries again when `resetKey` changes.
 */
export class ErrorBoundary extends Component<
  { resetKey: unknown; fallback: (error: Error) => ReactNode; children: ReactNode },
  { error: Error | null; key: unknown }
> {
  state: { error: Error | null; key: unknown } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(
    props: { resetKey: unknown },
    state: { error: Error | null; key: unknown },
  ): { error: Error | null; key: unknown } | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
