import { lazy, Suspense, type ComponentType } from 'react';
import type { Params } from '../router';
import { Loading } from './Status';

type PageProps = { params: Params };

/**
 * A page whose code is fetched only when someone opens it, so that the sign-in page stays small
 * on slow connections; a spinner shows while it loads.
 */
export function lazyPage(load: () => Promise<ComponentType<PageProps>>): ComponentType<PageProps> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  return function LazyPage(props: PageProps) {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
