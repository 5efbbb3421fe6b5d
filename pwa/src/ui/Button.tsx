// A big, plain button with an optional icon beside the words (icons never stand alone).
import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { Icon, type IconName } from './Icon';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  icon?: IconName;
  variant?: 'primary' | 'secondary' | 'quiet';
  children: ComponentChildren;
};

export function Button({ icon, variant = 'primary', children, type = 'button', ...rest }: Props) {
  return (
    <button {...rest} type={type} class={`btn btn-${variant}`}>
      {icon && <Icon name={icon} />}
      <span>{children}</span>
    </button>
  );
}
