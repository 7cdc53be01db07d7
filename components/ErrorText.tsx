/** An error in plain words, announced to screen readers. */
export function ErrorText({ message }: { message: string | null }) {
  return (
    <p role="alert" class="error" hidden={message === null}>
      {message}
    </p>
  );
}
