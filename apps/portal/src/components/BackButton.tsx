export function BackButton({ onBack, label = 'Back to your space' }: { onBack: () => void; label?: string }) {
  return (
    <button type="button" className="button button-quiet" onClick={onBack}>
      {label}
    </button>
  );
}
