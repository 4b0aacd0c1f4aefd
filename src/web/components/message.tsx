/** A short page body: one sentence, and the way back to the inbox. */
export function Message({ text, back }: { text: string; back: string }) {
  return (
    <>
      <p>{text}</p>
      <p>
        <a href="/inbox">{back}</a>
      </p>
    </>
  );
}
