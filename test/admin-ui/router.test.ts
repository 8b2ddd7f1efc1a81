import { buildPath, isAppNavigation, matchPath, resolveRoute } from '../../admin-ui/src/router';

describe('router', () => {
  it.each([
    ['/', '/', {}],
    ['/', '', {}],
    ['/audit', '/audit', {}],
    ['/audit', '/audit/', {}],
    ['/audit', '/audit?before=120', {}],
    ['/users/:id', '/users/abc', { id: 'abc' }],
    ['/users/:id', '/users/a%2Fb%20c', { id: 'a/b c' }],
    ['/a/:x/b/:y', '/a/1/b/2', { x: '1', y: '2' }],
  ])('matches %s against %s', (pattern, path, params) => {
    expect(matchPath(pattern, path)).toEqual(params);
  });

  it.each([
    ['/', '/audit'],
    ['/audit', '/'],
    ['/users/:id', '/users'],
    ['/users/:id', '/users/abc/edit'],
    ['/users/new', '/users/old'],
    ['/users/:id', '/users/%E0%A4%A'],
  ])('does not match %s against %s', (pattern, path) => {
    expect(matchPath(pattern, path)).toBeNull();
  });

  it('prefers the route with fewer parameters whatever the table order', () => {
    const routes = [{ path: '/users/:id' }, { path: '/users/new' }, { path: '/:section/:id' }];
    expect(resolveRoute(routes, '/users/new')?.route.path).toBe('/users/new');
    expect(resolveRoute(routes, '/users/42')?.route.path).toBe('/users/:id');
    expect(resolveRoute(routes, '/forms/7')).toEqual({
      route: { path: '/:section/:id' },
      params: { section: 'forms', id: '7' },
    });
    expect(resolveRoute(routes, '/')).toBeNull();
  });

  it('builds paths with encoded parameters and refuses missing ones', () => {
    expect(buildPath('/users/:id', { id: 'a/b' })).toBe('/users/a%2Fb');
    expect(buildPath('/')).toBe('/');
    expect(matchPath('/users/:id', buildPath('/users/:id', { id: 'x y/z' }))).toEqual({ id: 'x y/z' });
    expect(() => buildPath('/users/:id')).toThrow(':id');
  });

  const plainClick = {
    button: 0,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    defaultPrevented: false,
  };

  it('follows plain clicks itself and leaves the others to the browser', () => {
    expect(isAppNavigation(plainClick)).toBe(true);
    expect(isAppNavigation({ ...plainClick, target: '_self' })).toBe(true);
    expect(isAppNavigation({ ...plainClick, button: 1 })).toBe(false);
    expect(isAppNavigation({ ...plainClick, ctrlKey: true })).toBe(false);
    expect(isAppNavigation({ ...plainClick, metaKey: true })).toBe(false);
    expect(isAppNavigation({ ...plainClick, shiftKey: true })).toBe(false);
    expect(isAppNavigation({ ...plainClick, target: '_blank' })).toBe(false);
    expect(isAppNavigation({ ...plainClick, defaultPrevented: true })).toBe(false);
  });
});
