import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { RoundingPolicy } from '../../engine';
import { asRoundingPolicy } from './rounding-policy';
import type { Strings } from '../strings';

export interface RoundingSettingProps {
  value: RoundingPolicy;
  strings: Strings;
  disabled?: boolean;
  onChange(policy: RoundingPolicy): void;
}

/** How stated rates are expected to be rounded (half-up by default; some reports truncate). */
export function RoundingSetting({ value, strings, disabled, onChange }: RoundingSettingProps) {
  return (
    <Field label={strings.rounding}>
      <RadioGroup
        layout="horizontal"
        value={value}
        disabled={disabled}
        data-testid="rounding"
        onChange={(_, data) => {
          const policy = asRoundingPolicy(data.value);
          if (policy) onChange(policy);
        }}
      >
        <Radio value="half-up" label={strings.roundingHalfUp} />
        <Radio value="truncate" label={strings.roundingTruncate} />
      </RadioGroup>
    </Field>
  );
}
