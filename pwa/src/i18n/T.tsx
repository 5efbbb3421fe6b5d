// A translated sentence with its filled-in values (names, e-mail addresses, what a user typed)
// each in a <bdi>, so "Amal H." stays whole in an Arabic sentence and the "!" stays at its end.
import { formatParts, type Filled } from '.';

type Props = { msg: string } & Record<string, string | number>;

// Usage: <T msg={_("Hallo {name}!")} name={name} />; numbers come out in the language's digits.
export function T({ msg, ...params }: Props) {
  return isolated(formatParts(msg, params));
}

// A sentence already split into its text and filled-in values (formatParts, wordEntry).
export function Parts({ parts }: { parts: Array<string | Filled> }) {
  return isolated(parts);
}

function isolated(parts: Array<string | Filled>) {
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? part : <bdi key={i} data-placeholder={part.key}>{part.value}</bdi>,
      )}
    </>
  );
}
