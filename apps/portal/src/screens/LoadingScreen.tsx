import { Screen } from '../components/Screen';

export function LoadingScreen() {
  return (
    <Screen title="Opening your space" busy>
      <p className="note" role="status">
        Just a moment…
      </p>
      <div className="skeleton" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
    </Screen>
  );
}
