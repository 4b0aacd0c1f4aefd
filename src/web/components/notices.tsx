/** What happened (a status for screen readers) and what went wrong (an alert). */
export function Notice({ text }: { text: string }) {
  return (
    <p class="notice" role="status">
      {text}
    </p>
  );
}

export function Problem({ text }: { text: string }) {
  return (
    <p class="error" role="alert">
      {text}
    </p>
  );
}
