// A translated sentence with its filled-in values (names, e-mail addresses, what a user typed)
// each in a <bdi>, so "Amal H." stays whole in an Arabic sentence and the "!" stays at its end.
import { formatParts } from '.';

type Props = { msg: string } & Record<string, string | number>;

// Usage: <T msg={_("Hallo {name}!")} name={name} />; numbers come out in the language's digits.
export function T({ msg, ...params }: Props) {
  return (
    <>
      {formatParts(msg, params).map((part, i) =>
        typeof part === 'string' ? part : <bdi key={i} data-placeholder={part.key}>{part.value}</bdi>,
      )}
    </>
  );
}
