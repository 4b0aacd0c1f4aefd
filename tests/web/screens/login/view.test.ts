import { describe, expect, it } from 'vitest';
import { LoginView } from '../../../../src/web/screens/login/view.js';
import { render, textOf, viewContext } from '../render-view.js';

describe(LoginView.name, () => {
  it('asks for login name and password and keeps where to go next', async () => {
    const ctx = { ...(await viewContext()), staff: null };
    const page = await render(LoginView({ ctx, next: '/matches?wijk=stratum' }));
    expect(page.querySelector('label[for="login"]')?.textContent).toBe('Inlognaam');
    expect(page.querySelector('#password')?.getAttribute('type')).toBe('password');
    expect(page.querySelector('input[name="next"]')?.getAttribute('value')).toBe(
      '/matches?wijk=stratum',
    );
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });

  it('says why the last attempt did not sign in', async () => {
    const ctx = { ...(await viewContext()), staff: null };
    const page = await render(LoginView({ ctx, next: '/inbox', problem: ctx.t('login.wrong') }));
    expect(textOf(page.querySelector('[role="alert"]'))).toBe(
      'Inlognaam of wachtwoord klopt niet.',
    );
  });
});
