describe('a refresh token left in storage by an older version', () => {
  it('is removed as soon as the app loads', async () => {
    window.localStorage.setItem('trustwork.refreshToken', 'stored-refresh');

    // A fresh copy of the session module, as on the first load after the upgrade.
    vi.resetModules();
    await import('../session');

    expect(window.localStorage.getItem('trustwork.refreshToken')).toBeNull();
  });
});
