// Sign-in form. Bad credentials and rate limiting get their own, plain explanations.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/Field';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Loading } from '../../ui/Loading';
import { Logo } from '../../ui/Logo';
import type { LoginInput } from './loginForm';
import { loginErrorMessage, loginInput } from './loginForm';
import { afterLoginPath } from './roles';
import { useForgetPreviousSession, useLogin, useSessionQuery } from './useSession';

function fromOf(state: unknown): unknown {
  return typeof state === 'object' && state !== null && 'from' in state ? state.from : undefined;
}

function LoginError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = loginErrorMessage(error);
  return (
    <Alert tone="error">
      {message.key === 'login.errors.rateLimitedFor'
        ? t(message.key, { seconds: message.seconds })
        : message.key === 'login.errors.rateLimitedMinutes'
          ? t(message.key, { count: message.minutes })
          : t(message.key)}
    </Alert>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  const login = useLogin();
  useForgetPreviousSession();
  const navigate = useNavigate();
  const from = fromOf(useLocation().state);
  const form = useForm<LoginInput>({ resolver: zodResolver(loginInput), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  if (session.isPending) {
    return (
      <div className="center-screen">
        <Loading />
      </div>
    );
  }
  if (session.data) return <Navigate to={afterLoginPath(session.data.role, from)} replace />;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { user } = await login.mutateAsync(values);
      void navigate(afterLoginPath(user.role, from), { replace: true });
    } catch {
      // Shown from login.error below; keep the email, clear the password for the next try.
      form.resetField('password');
      form.setFocus('password');
    }
  });

  return (
    <div className="login-screen">
      <header className="login-top">
        <LanguageSwitch />
      </header>
      <main id="main" className="login-main">
        <div className="login-card">
          <div className="login-brand">
            <Logo />
            <span className="brand-name">{t('app.name')}</span>
          </div>
          <h1>{t('login.title')}</h1>
          <p className="muted">{t('app.tagline')}</p>
          {login.isError ? <LoginError error={login.error} /> : null}
          <form onSubmit={onSubmit} noValidate className="form-stack">
            <TextField
              label={t('login.email')}
              type="email"
              autoComplete="username"
              error={errors.email?.message}
              {...form.register('email')}
            />
            <TextField
              label={t('login.password')}
              type="password"
              autoComplete="current-password"
              error={errors.password?.message}
              {...form.register('password')}
            />
            <button type="submit" className="button button-primary button-block" disabled={isSubmitting}>
              {isSubmitting ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
        </div>
      </main>
    </div>
  );
}
